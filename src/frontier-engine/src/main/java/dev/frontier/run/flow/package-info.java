/**
 * What flows between the stages of a run (prepare, execute, review, aggregate): one candidate's {@link
 * dev.frontier.run.flow.Answer} to one item and where it came from ({@link dev.frontier.run.flow.Source}), the
 * {@link dev.frontier.run.flow.AnswerTable} of a whole run, where the calls went ({@link
 * dev.frontier.run.flow.RunContext}) and the {@link dev.frontier.run.flow.RunProgress} callbacks. The stages depend on
 * these types and never on the front door ({@link dev.frontier.run.Runner}).
 */
package dev.frontier.run.flow;
