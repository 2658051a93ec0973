/**
 * CI gates: absolute thresholds and paired regressions against a baseline, checked from a run's record alone.
 * The front door is {@link dev.frontier.gate.Gates#evaluate}; {@link dev.frontier.gate.GateReport} writes the
 * JUnit XML and the Markdown summary. Pure but for rendering text.
 */
package dev.frontier.gate;
