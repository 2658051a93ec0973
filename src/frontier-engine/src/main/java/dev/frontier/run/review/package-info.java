/**
 * The third stage of a run: once every output is in, judges and human labels score what needs the whole run ({@link
 * dev.frontier.run.review.ReviewPhase} is the front door; {@link dev.frontier.run.review.JudgeBatch} sends judges'
 * first asks to batch jobs); label sets, calibration and win rates ({@link dev.frontier.run.review.Review}), also for
 * labels imported into a stored run ({@link dev.frontier.run.review.LabelImport}).
 */
package dev.frontier.run.review;
