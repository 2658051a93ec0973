/**
 * Production traffic from Bedrock's model-invocation logs: the records themselves ({@link
 * dev.frontier.logs.InvocationLogReader#read}, streaming {@link dev.frontier.logs.InvocationLogRecord}s from a folder
 * or an S3 prefix and reporting every malformed line) and the traffic profile a suite prices its month with
 * ({@link dev.frontier.logs.TrafficProfile}, read and written by {@link dev.frontier.logs.TrafficProfiles}).
 */
package dev.frontier.logs;
