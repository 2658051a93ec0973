/**
 * Production traffic from Bedrock's model-invocation logs: the traffic profile a suite prices its month with
 * ({@link dev.frontier.logs.TrafficProfile}, read and written by {@link dev.frontier.logs.TrafficProfiles}).
 */
package dev.frontier.logs;
