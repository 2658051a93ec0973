/**
 * The sandbox: a local, stand-alone imitation of Amazon Bedrock Runtime on 127.0.0.1, so that the real AWS SDK
 * {@code BedrockRuntimeClient} works unchanged with {@code endpointOverride}. The front door is {@link
 * dev.frontier.sandbox.Sandbox} ({@code Sandbox.start(SandboxOptions)}); besides its options and their value types
 * ({@code Quota}, {@code FaultRates}, {@code LatencyModel}) and the {@code RequestRecord}s of its request log,
 * everything else is package-private. The package uses nothing of the rest of frontier and not the AWS SDK: only
 * the JDK HTTP server, Jackson, SLF4J and the SDK's event-stream codec ({@code software.amazon.awssdk.eventstream},
 * a library without a client) for the one answer Bedrock sends as an event stream. The exception is
 * {@code DirectRuntimeClient} ({@code Sandbox.runtimeClient}), frontier's {@code ModelClient} over the same Converse
 * handling as the HTTP server's, called in process without HTTP or the SDK.
 *
 * <h2>Wire protocol</h2>
 * <ul>
 *   <li>{@code POST /model/{modelId}/converse}: the Converse JSON body ({@code messages}, {@code system},
 *       {@code inferenceConfig}); {@code text} and {@code cachePoint} blocks are read, other blocks and fields
 *       ({@code additionalModelRequestFields}, {@code toolConfig}, images ...) are ignored. The answer carries
 *       {@code output.message}, {@code stopReason} ({@code end_turn}, {@code max_tokens}, {@code stop_sequence}),
 *       {@code usage} and {@code metrics.latencyMs}, and the header {@code x-amzn-RequestId}.</li>
 *   <li>{@code POST /model/{modelId}/count-tokens}: {@code {"inputTokens": n}} for a {@code converse} input (any
 *       sandbox model, unlike the real service).</li>
 *   <li>{@code POST /optimize-prompt} (the agent runtime's {@code OptimizePrompt}): an AWS event stream of one
 *       {@code analyzePromptEvent} and one {@code optimizedPromptEvent} with a deterministic, shortening rewrite
 *       ({@code PromptRewrite}); the target models and Regions from the catalog's {@code promptOptimization}
 *       section, the refusals from the conformance table ({@code OptimizePromptOperation}).</li>
 *   <li>Errors: status code, header {@code x-amzn-ErrorType: <Code>:http://internal.amazon.com/coral/com.amazon.bedrock/}
 *       and body {@code {"message": ...}}: 400 {@code ValidationException} for malformed JSON, a missing or badly
 *       ordered conversation, blank text, {@code maxTokens < 1}, {@code temperature} or {@code topP} outside [0, 1],
 *       an unknown model ("The provided model identifier is invalid."); 404 {@code UnknownOperationException} for
 *       any other path; 500 {@code InternalServerException} for a sandbox bug; 429 {@code ThrottlingException}
 *       over a quota, and the injected faults below.</li>
 * </ul>
 * Loading {@code Sandbox} sets the JVM-wide system property {@code sun.net.httpserver.nodelay=true} unless it is
 * already set: the JDK HTTP server sends headers and body in separate writes, and without TCP_NODELAY every answer
 * waits about 40 ms for the client's delayed ACK.
 * <p>Model ids: the base ids listed by {@link dev.frontier.sandbox.Sandbox#modelIds()}, the same with a {@code us.},
 * {@code eu.}, {@code apac.} or {@code global.} inference-profile prefix, or a foundation-model / inference-profile
 * ARN ending in one of them.
 *
 * <h2>Simulated models</h2>
 * Every model has a quality tier in [0, 1], a verbosity, a latency shape and prompt-cache limits. Answers are
 * deterministic: each request is seeded from the model id and the request's content (system, messages, inference
 * settings), so the same request gets the same text, token counts and latency; an inference-profile id answers like
 * its base model. The models do the task for real with simple text statistics, and make mistakes at a rate that
 * grows with {@code 1 - tier}.
 *
 * <h3>Classification prompts</h3>
 * A request is a classification when its system prompt or a user turn has a line {@code Labels:} (any case)
 * followed by one line per label:
 * <pre>
 * Labels:
 * - billing_refund: refund, charge, invoice, money back
 * - shipping_delay: package, delivery, courier, tracking number
 * Example (billing_refund): I was charged twice this month.
 * Example (shipping_delay): My tracking number has not moved in a week.
 * </pre>
 * Label names are {@code [a-z0-9_]+} (upper case is accepted and answered as written). Descriptions are optional
 * but are where the model finds its words; list the words customers actually use. Lines {@code Example (<label>):
 * <text>} anywhere in the prompt, and earlier user turns answered by an assistant turn that is exactly a label, are
 * few-shot examples. The text classified is the last user turn after its line {@code Message:} (the text may
 * start on that line and continue below it); without such a line it is the whole last user turn minus the label
 * list and examples. A trailing line like {@code Label:} or {@code Answer:} is ignored.
 * <p>The model scores each label by the overlap of the message's words (lower-cased, stop words removed, simple
 * suffix stripping) with the label's name, description and examples, weighting words that few labels share. It
 * answers the best label, except that with probability {@code (1 - tier) × (0.5 + 1.5 × closeness)} (closeness =
 * runner-up score / best score, 1 when nothing overlaps) it answers the runner-up. Models of tier 0.9 and above
 * answer the bare label; weaker ones sometimes wrap it ({@code Intent: billing_refund.}, {@code The category is
 * billing_refund}), so exact match fails where "contains" passes.
 *
 * <h3>Judge prompts</h3>
 * A request whose last user turn has an {@code [Answer]} section (up to {@code [End of answer]}), or {@code [Answer A]}
 * and {@code [Answer B]} sections, is a request to grade (frontier's judge prompts; it is recognised before the
 * classification and summary conventions, because it may quote such a task). The judge measures an answer by the F1
 * overlap of its content words with the {@code [Reference answer]} section, or without one by how many of the
 * {@code [Task given to the assistant]} section's key words it covers. Pointwise it answers
 * {@code {"score": g, "reason": "..."}} on the scale read from the line "... on this scale: a whole number from 1 to
 * 5" (or the quoted labels on that line), with noise of about {@code 1.2 × (1 - tier)} steps; pairwise it answers
 * {@code {"winner": "A"|"B"|"tie", "reason": "..."}} leaning towards answer A by {@code 0.25 × (1 - tier)} (position
 * bias). Models below tier 0.75 reply in plain prose about one time in four; a repair request (a
 * {@code [Your previous reply]} section), and a request with structured output ({@code outputConfig.textFormat.type}
 * {@code json_schema}), are always answered in JSON.
 *
 * <h3>Everything else: summaries</h3>
 * Any other request is answered by summarizing the last user turn: its first line is the instruction and the rest
 * is the document (a one-line turn is its own document). Greetings ("Hi team,") and sign-offs ("Thanks,", "Best
 * regards," and the name after them) are set aside, and sentences are ranked by centrality: the summed frequency of
 * their content words in the document over the square root of their length. A strong model returns the top two
 * sentences in document order. Length instructions in the system prompt or the instruction line are followed:
 * "one sentence", "3 sentences", "2-sentence summary", "in 20 words". Weaker models slip, each slip at a rate of
 * about {@code 2 × (1 - tier)²}: they take the lead sentences, swap in a side detail, keep the greeting, drop the
 * document's most frequent word, trail off mid-sentence, add one sentence too many, ignore a word limit, and
 * (more so when verbose) add a preamble ("Here is a summary:") or a closing line ("Let me know if you need anything
 * else."), which also costs output tokens. For demo data: open each document with a context sentence, put the
 * key facts in sentences that repeat the document's main words, add a side remark, and make the reference summary
 * those key sentences.
 *
 * <h3>Tokens, limits, latency</h3>
 * Tokens are estimated as ceil(characters / 4) per text block plus 3 per message. The answer ends at the first
 * stop sequence (not included; {@code stop_sequence}) and is cut to {@code maxTokens} ({@code max_tokens}; default
 * 4096). {@code totalTokens} = input + output + cache read + cache write. {@code metrics.latencyMs} = base + per
 * output token + per 1,000 uncached input tokens, with log-normal jitter and a 5 % slow tail (so p95 is well above
 * p50), unless the latency options below say otherwise; the server waits {@code latencyMs × timeScale} before
 * answering.
 *
 * <h3>Prompt caching</h3>
 * A {@code cachePoint} in {@code system} or a message marks the prefix before it (system, then messages) as
 * cacheable when the model supports caching and the prefix reaches its minimum (Claude 3.5 Sonnet v2, 3.7 Sonnet,
 * Sonnet 4: 1,024 tokens; Claude 3.5 Haiku: 2,048; Nova: 1,000). The first request with a prefix reports it as
 * {@code cacheWriteInputTokens}; later ones within the TTL (5 minutes, or 1 hour for {@code "ttl": "1h"}, measured
 * with the injected clock and reset by every hit) report it as {@code cacheReadInputTokens}; {@code inputTokens}
 * counts only the rest. Below the minimum a checkpoint is silently ignored. Models without caching (Claude 3 Haiku,
 * Llama, Mistral) ignore checkpoints and report no cache fields at all; caching models always report both.
 *
 * <h2>Under load: quotas, faults, latency, the request log</h2>
 * {@link dev.frontier.sandbox.SandboxOptions#defaults()} (and {@code forTests()}) has no quotas and no faults. A
 * Converse call is handled in this order: validation (400), its model's quota (429), the fault draw, then the model.
 * CountTokens is subject to neither quotas nor faults.
 *
 * <h3>Quotas: {@code withQuota(modelIdOrStar, requestsPerMinute, tokensPerMinute)}</h3>
 * Per base model (a {@code us.}/... profile id or ARN shares its base model's quota), with {@code "*"} as the quota
 * of every model without its own; a limit of 0 is no limit, so {@code withQuota(id, 0, 0)} exempts a model from
 * {@code "*"}. Both limits apply to a sliding minute of the injected clock: a call admitted at {@code t} counts
 * until {@code t + 60 s}. Over either limit the answer is 429, {@code x-amzn-ErrorType:
 * ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/}, body {@code {"message":"Too many
 * requests, please wait before trying again."}}; a throttled call takes nothing from the quota. Tokens are counted
 * as Bedrock does: when a call is admitted it reserves all its input tokens plus its {@code maxTokens} (4096 when
 * unset), so a call whose reservation alone exceeds the TPM limit is always throttled; when it completes the
 * reservation is settled to input + cache-write + output tokens (cache reads do not count). A call that fails
 * after admission (an injected fault) gives its tokens back but keeps its place in the request count. Output
 * tokens burn down at 1 token per token for every model (Bedrock's 5x output burndown for Claude 3.7 and 4 models
 * is not simulated).
 *
 * <h3>Faults: {@code withFaults(FaultRates, seed)}</h3>
 * Rates per error, adding up to at most 1: 500 {@code InternalServerException}, 503 {@code
 * ServiceUnavailableException}, 408 {@code ModelTimeoutException}, 424 {@code ModelErrorException} (body also has
 * {@code originalStatusCode}: 500 and {@code resourceName}: the model id as sent), 429 {@code
 * ModelNotReadyException}, and 429 {@code ThrottlingException} at random, apart from quotas. A call's fate is a
 * uniform draw from SHA-256(seed, request hash, attempt), where the attempt counts earlier arrivals of the same
 * request hash: the same seed and the same requests give the same faults whatever the thread timing, and a retry
 * gets a fresh draw. A failed call is answered at once, is not billed, produces no output and does not touch the
 * prompt cache.
 *
 * <h3>Latency: {@code withLatency(LatencyModel)}</h3>
 * {@link dev.frontier.sandbox.LatencyModel#logNormal()} (the default shape above), {@code logNormal(multiplier)},
 * or {@code fixed(millis)} for every call; {@code withMultiplier} scales either. The server still waits
 * {@code latencyMs × timeScale}.
 *
 * <h3>Request log: {@code sandbox.requestLog()}, {@code withRequestLog(Path)}</h3>
 * Every request, whatever its path or outcome, becomes a {@link dev.frontier.sandbox.RequestRecord}: sequence
 * number (arrival order), time (injected clock, at arrival), operation, model id as sent, request hash (hex SHA-256
 * of the model id and the canonical parsed body, so field order and whitespace do not change it and a retried
 * identical request has the same hash; of the raw bytes for a body that does not parse), status, outcome ({@code ok}
 * or the error code), usage (input, output, cache read, cache write; 0 unless billed) and {@code billed} (only
 * Converse calls answered 200). A request is recorded before its answer is sent, so a returned call is always in
 * the log. {@code paidCalls()} and {@code paidCallsByRequestHash()} count billed calls. With {@code
 * withRequestLog(file)} each record is also appended to the file as one JSON line with the same field names
 * ({@code time} in ISO-8601). The in-memory log grows with every request for the life of the sandbox.
 *
 * <h2>What the Region offers (always)</h2>
 * {@code GET /foundation-models} ({@code ListFoundationModels}; filters {@code byProvider}, {@code byInferenceType},
 * {@code byOutputModality}, {@code byCustomizationType}, unknown enum values refused with 400
 * {@code ValidationException}), {@code GET /foundation-models/{id or ARN}} ({@code GetFoundationModel}, with
 * {@code modelLifecycle}), {@code GET /inference-profiles} ({@code ListInferenceProfiles}, {@code type},
 * {@code maxResults}, {@code nextToken}) and {@code GET /inference-profiles/{id or ARN}} ({@code GetInferenceProfile}),
 * answered from the model catalog for the Region of the request's SigV4 credential scope
 * ({@code CatalogOperations}). {@code inferenceTypesSupported} is {@code ON_DEMAND} where the
 * bare id is served there, else {@code INFERENCE_PROFILE}; an id the Region does not offer is 404
 * {@code ResourceNotFoundException}.
 *
 * <h2>Prompt routers</h2>
 * Converse with a router ARN as the model id ({@code …:default-prompt-router/amazon.nova:1}, or a configured
 * {@code …:prompt-router/<id>}) is answered by the model the router picks ({@code PromptRouter}): the fallback is
 * the anchor, and the response quality difference decides when the other model serves, from qualities predicted by
 * the models' tiers and a deterministic, imperfect estimate of the prompt's difficulty ({@code PromptDifficulty}).
 * The answer is the served model's (same text, usage and latency) plus the routing overhead (median 65 ms, P90
 * 85 ms), with {@code trace.promptRouter.invokedModelId} naming the served model's foundation-model ARN, or its
 * system inference profile's where the Region serves it only that way; the request log records both. Default
 * routers come from the model catalog for the Region the caller signed for (criterion 10 %, the stronger model as
 * fallback); configured ones from {@code POST /prompt-routers}, {@code GET /prompt-routers[/{arn}]} (with
 * {@code type=custom|default}) and {@code DELETE /prompt-routers/{arn}} ({@code PromptRouterOperations}), kept in
 * the control state and so only with {@code withS3}. Refusals are the conformance table's {@code router-*} rules.
 *
 * <h2>Control plane for custom models (with {@code withS3})</h2>
 * <ul>
 *   <li>{@code POST /model-customization-jobs} (201 {@code {"jobArn"}}), {@code GET /model-customization-jobs},
 *       {@code GET /model-customization-jobs/{id or ARN}}, {@code POST /model-customization-jobs/{id}/stop}:
 *       {@code DISTILLATION} (supported teacher → student pairs only, no hyperparameters) and {@code FINE_TUNING}
 *       jobs on a base model id with its context window ({@code amazon.nova-lite-v1:0:300k}). The training file is
 *       read from the sandbox's S3 at submission; a missing or malformed file, a line over 16 KB or a distillation
 *       outside 100–15,000 prompts fails the job when validation ends. Status {@code InProgress} with
 *       {@code statusDetails} moving validation → data processing → training over {@code jobTime}, then
 *       {@code Completed} with training and validation loss, the metrics CSVs under the output URI and an
 *       {@code Active} custom model ({@code GET /custom-models/{id or ARN}}). A stopped job is {@code Stopping}
 *       for a tenth of {@code jobTime}, then {@code Stopped}. The same {@code clientRequestToken} returns the same
 *       job.</li>
 *   <li>{@code POST /provisioned-model-throughput} (201), {@code GET|DELETE /provisioned-model-throughput/{id}},
 *       {@code GET /provisioned-model-throughputs}; {@code POST /model-customization/custom-model-deployments}
 *       (202, Nova custom models), {@code GET|DELETE .../{id}}: {@code Creating} for {@code jobTime}, then
 *       {@code InService} / {@code Active}.</li>
 *   <li>Converse with a Provisioned Throughput or deployment ARN as the model id is answered by the custom model:
 *       a distilled model's tier lies between its student's and its teacher's (closer to the teacher with more
 *       training prompts); verbosity, latency and caching are the student's. 429 {@code ModelNotReadyException}
 *       while the resource is created; 404 {@code ResourceNotFoundException} for an unknown or deleted one.</li>
 * </ul>
 * Records live as JSON in a hidden bucket of the sandbox's S3 and statuses are derived from the injected clock, so
 * a sandbox restarted on the same state directory continues the jobs.
 *
 * <h2>Invocation logs, application inference profiles (with {@code withS3})</h2>
 * <ul>
 *   <li>{@code PUT|GET|DELETE /logging/modelinvocations} ({@code InvocationLogging}): with
 *       {@code s3Config} and {@code textDataDeliveryEnabled}, each answered Converse call is logged in Bedrock's
 *       {@code ModelInvocationLog} schema to {@code s3://bucket/keyPrefix/AWSLogs/123456789012/
 *       BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/*.json.gz}, delivered every 100 ms and on close. Only S3
 *       delivery is imitated: a {@code cloudWatchConfig} is stored and returned, nothing reaches CloudWatch Logs.
 *       Converse's {@code requestMetadata} is validated and logged.</li>
 *   <li>{@code POST /inference-profiles}, {@code GET|DELETE /inference-profiles/{id or ARN}},
 *       {@code POST /listTagsForResource} ({@code ApplicationProfiles}): application profiles
 *       whose ARN is a Converse model id served as the model or system profile they copy.</li>
 *   <li>{@code trainingDataConfig.invocationLogsConfig} on a distillation job reads the logs under its URI
 *       ({@code InvocationLogSource}).</li>
 *   <li>{@code writeDemoLogs()} puts a generated week of logs under {@code s3://sandbox-invocation-logs/demo/}
 *       ({@code DemoLogs}).</li>
 * </ul>
 */
package dev.frontier.sandbox;
