/**
 * Model calls: the {@link dev.frontier.invoke.ModelClient} port and its Bedrock Converse adapter
 * ({@link dev.frontier.bedrock.BedrockConverseClient}), the only code that touches the bedrockruntime SDK.
 * Errors come back as data ({@link dev.frontier.model.CallResult.Failure}), never as exceptions.
 */
package dev.frontier.invoke;
