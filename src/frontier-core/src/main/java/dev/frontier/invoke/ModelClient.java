package dev.frontier.invoke;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;

/**
 * Calls a text model once. Implementations are thread-safe and return failures as data.
 */
public interface ModelClient extends AutoCloseable {

    /** Sends {@code request} and waits for the answer. */
    CallResult call(ModelRequest request);

    @Override
    void close();
}
