package dev.frontier.run;

import dev.frontier.invoke.ModelClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A model client for unit tests of a run: it answers at once and the same way every time for a model and a prompt,
 * counts the calls per model and prompt, and fails the calls a test names (a throttling failure once, or for good).
 */
public final class FakeModelClient implements ModelClient {

    /** Tokens every answer reports. */
    public static final TokenUsage USAGE = new TokenUsage(8, 5, 0, 0);

    private final BiFunction<String, String, String> answer;
    private final Map<List<String>, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<List<String>, CallResult.Failure> failing = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicInteger> throttledTimes = new ConcurrentHashMap<>();

    /** @param answer the answer text of a model (first argument) to a user prompt (second) */
    public FakeModelClient(BiFunction<String, String, String> answer) {
        this.answer = answer;
    }

    /** Every call of {@code model} with {@code user} fails with {@code failure}. */
    public FakeModelClient failing(String model, String user, CallResult.Failure failure) {
        failing.put(List.of(model, user), failure);
        return this;
    }

    /** The first {@code times} calls of {@code model} with {@code user} are throttled beyond their retries. */
    public FakeModelClient throttling(String model, String user, int times) {
        throttledTimes.put(List.of(model, user), new AtomicInteger(times));
        return this;
    }

    @Override
    public CallResult call(ModelRequest request) {
        List<String> key = List.of(request.modelId(), request.user());
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        CallResult.Failure failure = failing.get(key);
        if (failure != null) {
            return failure;
        }
        AtomicInteger throttled = throttledTimes.get(key);
        if (throttled != null && throttled.getAndDecrement() > 0) {
            return new CallResult.Failure("ThrottlingException", "Too many requests", true, 1);
        }
        return new CallResult.Completion(answer.apply(request.modelId(), request.user()), "end_turn", USAGE, 7, 8,
                "req-" + key.hashCode());
    }

    /** Calls of {@code model} with {@code user} so far. */
    public int calls(String model, String user) {
        AtomicInteger n = calls.get(List.of(model, user));
        return n == null ? 0 : n.get();
    }

    /** Calls so far. */
    public int calls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls so far per model and prompt. */
    public Map<List<String>, Integer> callsByRequest() {
        Map<List<String>, Integer> out = new ConcurrentHashMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
    }
}
