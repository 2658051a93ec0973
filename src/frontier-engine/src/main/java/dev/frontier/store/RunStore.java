package dev.frontier.store;

import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run store: one SQLite file (WAL mode) with runs, per-item calls (output, usage, latency, errors) and
 * scores. Each finished call is committed with its scores in one transaction, so a killed run keeps every
 * result it had. Thread-safe: writes are serialised on one connection.
 */
public final class RunStore implements AutoCloseable {

    private static final int SCHEMA_VERSION = 6;
    private final Connection db;
    /** The statements every call commits, prepared once: parsing them again for each call cost more than the insert. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private RunStore(Connection db) {
        this.db = db;
    }

    /** The row id of the last insert on this connection. */
    private long lastRowId() throws SQLException {
        try (ResultSet id = prepared("SELECT last_insert_rowid()").executeQuery()) {
            id.next();
            return id.getLong(1);
        }
    }

    /** {@code sql} prepared once for the life of the store; never closed by the caller. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement s = prepared.get(sql);
        if (s == null) {
            s = db.prepareStatement(sql);
            prepared.put(sql, s);
        }
        return s;
    }

    /**
     * Opens (and on first use creates) the store at {@code file}.
     *
     * @throws StoreException when the file cannot be opened or is not a frontier store
     */
    public static RunStore open(Path file) {
        try {
            StoreIdentity.check(file);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS runs (
                          run_id TEXT PRIMARY KEY,
                          suite TEXT NOT NULL,
                          status TEXT NOT NULL,
                          started_at TEXT NOT NULL,
                          finished_at TEXT,
                          suite_sha256 TEXT NOT NULL,
                          dataset_sha256 TEXT NOT NULL,
                          results_json TEXT,
                          parent_run_id TEXT)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS calls (
                          run_id TEXT NOT NULL REFERENCES runs(run_id),
                          candidate_id TEXT NOT NULL,
                          item_id TEXT NOT NULL,
                          model_id TEXT NOT NULL,
                          output TEXT,
                          stop_reason TEXT,
                          error_code TEXT,
                          error_message TEXT,
                          input_tokens INTEGER NOT NULL,
                          output_tokens INTEGER NOT NULL,
                          cache_read_tokens INTEGER NOT NULL,
                          cache_write_tokens INTEGER NOT NULL,
                          latency_ms INTEGER NOT NULL,
                          client_latency_ms INTEGER NOT NULL,
                          cost_usd TEXT,
                          source TEXT NOT NULL DEFAULT 'called',
                          invoked_model_id TEXT NOT NULL DEFAULT '',
                          service_tier TEXT NOT NULL DEFAULT '',
                          performance TEXT NOT NULL DEFAULT '',
                          PRIMARY KEY (run_id, candidate_id, item_id))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS scores (
                          run_id TEXT NOT NULL,
                          candidate_id TEXT NOT NULL,
                          item_id TEXT NOT NULL,
                          scorer_id TEXT NOT NULL,
                          value REAL,
                          note TEXT,
                          failure TEXT,
                          PRIMARY KEY (run_id, candidate_id, item_id, scorer_id),
                          FOREIGN KEY (run_id, candidate_id, item_id) REFERENCES calls(run_id, candidate_id, item_id))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS response_cache (
                          cache_key TEXT PRIMARY KEY,
                          output TEXT NOT NULL,
                          stop_reason TEXT,
                          input_tokens INTEGER NOT NULL,
                          output_tokens INTEGER NOT NULL,
                          cache_read_tokens INTEGER NOT NULL,
                          cache_write_tokens INTEGER NOT NULL,
                          latency_ms INTEGER NOT NULL,
                          stored_at_ms INTEGER NOT NULL,
                          invoked_model_id TEXT NOT NULL DEFAULT '',
                          service_tier TEXT NOT NULL DEFAULT '',
                          performance TEXT NOT NULL DEFAULT '')""");
                // added without a version change: older stores simply gain the table
                s.execute("""
                        CREATE TABLE IF NOT EXISTS jobs (
                          job_arn TEXT PRIMARY KEY,
                          kind TEXT NOT NULL,
                          name TEXT NOT NULL,
                          suite TEXT NOT NULL,
                          run_id TEXT,
                          candidate_id TEXT,
                          client_token TEXT NOT NULL,
                          status TEXT NOT NULL,
                          request_json TEXT NOT NULL,
                          details_json TEXT,
                          submitted_at TEXT NOT NULL,
                          updated_at TEXT NOT NULL)""");
                s.execute(JUDGE_CALLS_TABLE);
                s.execute(LEASES_TABLE);
                s.execute(INTENTS_TABLE);
                s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
                // marks the file as frontier's (stores made before the mark gain it here)
                int marked;
                try (ResultSet id = s.executeQuery("PRAGMA application_id")) {
                    marked = id.next() ? id.getInt(1) : 0;
                }
                if (marked != StoreIdentity.APPLICATION_ID) {
                    s.execute("PRAGMA application_id=" + StoreIdentity.APPLICATION_ID);
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                int version = rs.next() ? Integer.parseInt(rs.getString(1)) : -1;
                if (version == 1) {
                    // version 1 stores lacked the call source; their calls were all paid
                    try (Statement m = c.createStatement()) {
                        m.execute("ALTER TABLE calls ADD COLUMN source TEXT NOT NULL DEFAULT 'called'");
                        m.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
                    }
                    version = 2;
                }
                if (version == 2) {
                    // version 2 stores had no judge calls (the table is created above) and no parent runs
                    try (Statement m = c.createStatement()) {
                        m.execute("ALTER TABLE runs ADD COLUMN parent_run_id TEXT");
                        m.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
                    }
                    version = 3;
                }
                if (version == 3) {
                    // version 3 stores had no writer leases and no call intents (both tables are created above)
                    try (Statement m = c.createStatement()) {
                        m.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
                    }
                    version = 4;
                }
                if (version == 4) {
                    // version 4 stores did not keep the model a prompt router chose; their answers read as not routed
                    try (Statement m = c.createStatement()) {
                        // a store older still made its missing tables above, with the column already
                        addColumnIfMissing(m, "calls", "invoked_model_id", "TEXT NOT NULL DEFAULT ''");
                        addColumnIfMissing(m, "response_cache", "invoked_model_id", "TEXT NOT NULL DEFAULT ''");
                        m.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
                    }
                    version = 5;
                }
                if (version == 5) {
                    // version 5 stores did not keep the service tier and latency configuration an answer named;
                    // their answers read as not saying (priced at the tier and latency asked for)
                    try (Statement m = c.createStatement()) {
                        for (String table : List.of("calls", "response_cache")) {
                            addColumnIfMissing(m, table, "service_tier", "TEXT NOT NULL DEFAULT ''");
                            addColumnIfMissing(m, table, "performance", "TEXT NOT NULL DEFAULT ''");
                        }
                        m.execute("UPDATE meta SET value = '" + SCHEMA_VERSION + "' WHERE key = 'schema_version'");
                    }
                    version = SCHEMA_VERSION;
                }
                if (version != SCHEMA_VERSION) {
                    c.close();
                    throw new StoreException(file + " was written by another version of frontier");
                }
            }
            return new RunStore(c);
        } catch (SQLException | IOException | NumberFormatException e) {
            throw new StoreException("cannot open the run store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void addColumnIfMissing(Statement m, String table, String column, String declaration)
            throws SQLException {
        try (ResultSet rs = m.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return;
                }
            }
        }
        m.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + declaration);
    }

    /** Judge calls: one row per call a judge made for one candidate's output (repairs are attempt 1). */
    private static final String JUDGE_CALLS_TABLE = """
            CREATE TABLE IF NOT EXISTS judge_calls (
              run_id TEXT NOT NULL REFERENCES runs(run_id),
              scorer_id TEXT NOT NULL,
              candidate_id TEXT NOT NULL,
              item_id TEXT NOT NULL,
              judge_model TEXT NOT NULL,
              slot TEXT NOT NULL,
              attempt INTEGER NOT NULL,
              output TEXT,
              stop_reason TEXT,
              error_code TEXT,
              error_message TEXT,
              input_tokens INTEGER NOT NULL,
              output_tokens INTEGER NOT NULL,
              cache_read_tokens INTEGER NOT NULL,
              cache_write_tokens INTEGER NOT NULL,
              latency_ms INTEGER NOT NULL,
              cost_usd TEXT,
              source TEXT NOT NULL,
              PRIMARY KEY (run_id, scorer_id, candidate_id, item_id, judge_model, slot, attempt))""";

    /** Records the start of a run. */
    public synchronized void beginRun(RunId id, String suite, String startedAt, String suiteSha256,
                                      String datasetSha256) {
        update("INSERT INTO runs(run_id, suite, status, started_at, suite_sha256, dataset_sha256) "
                + "VALUES (?, ?, 'running', ?, ?, ?)", id.value(), suite, startedAt, suiteSha256, datasetSha256);
    }

    /**
     * Commits one call and its scores atomically.
     *
     * @param source {@code called} (paid in this run) or {@code cached} (from the response cache, not paid)
     */
    public synchronized void recordCall(RunId run, String candidateId, String itemId, String modelId,
                                        CallResult result, BigDecimal costUsd, Map<String, Score> scores,
                                        CallSource source) {
        recordCalls(run, List.of(new CallRow(candidateId, itemId, modelId, result, costUsd, scores, source)));
    }

    /**
     * One call to record.
     *
     * @param source {@code called} (paid in this run), {@code batch} (paid in this run, in a batch job) or
     *               {@code cached} (from the response cache, not paid)
     */
    public record CallRow(String candidateId, String itemId, String modelId, CallResult result, BigDecimal costUsd,
                          Map<String, Score> scores, CallSource source) {
    }

    /** Commits many calls and their scores in one transaction (batch results arrive thousands at a time). */
    public synchronized void recordCalls(RunId run, List<CallRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            db.setAutoCommit(false);
            try (PreparedStatement call = db.prepareStatement(INSERT_CALL);
                 PreparedStatement score = db.prepareStatement(INSERT_SCORE)) {
                for (CallRow row : rows) {
                    insert(call, score, run, row);
                }
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record a call: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private static void insert(PreparedStatement call, PreparedStatement score, RunId run, CallRow row)
            throws SQLException {
        call.setString(1, run.value());
        call.setString(2, row.candidateId());
        call.setString(3, row.itemId());
        call.setString(4, row.modelId());
        bindResult(call, 5, row.result());
        call.setLong(14, row.result().clientLatencyMs());
        call.setString(15, row.costUsd() == null ? null : row.costUsd().toPlainString());
        call.setString(16, row.source().label());
        call.setString(17, row.result() instanceof CallResult.Completion c ? c.invokedModelId() : "");
        call.setString(18, row.result() instanceof CallResult.Completion c ? c.serviceTier() : "");
        call.setString(19, row.result() instanceof CallResult.Completion c ? c.performance() : "");
        call.executeUpdate();
        insertScores(score, run, row.candidateId(), row.itemId(), row.scores());
    }

    private static final String INSERT_INTENT = """
            INSERT INTO call_intents(run_id, kind, candidate_id, item_id, scorer_id, judge_model, slot, attempt,
              model_id, request_key, worst_case_usd, state, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'sent',?)""";
    private static final String INSERT_CALL = """
            INSERT OR REPLACE INTO calls(run_id, candidate_id, item_id, model_id, output, stop_reason,
              error_code, error_message, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
              latency_ms, client_latency_ms, cost_usd, source, invoked_model_id, service_tier, performance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SCORE = """
            INSERT OR REPLACE INTO scores(run_id, candidate_id, item_id, scorer_id, value, note, failure)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private static void insertScores(PreparedStatement score, RunId run, String candidateId, String itemId,
                                     Map<String, Score> scores) throws SQLException {
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            score.setString(1, run.value());
            score.setString(2, candidateId);
            score.setString(3, itemId);
            score.setString(4, e.getKey());
            if (e.getValue() instanceof Score.Value v) {
                score.setDouble(5, v.value());
                score.setString(6, v.note());
                score.setString(7, null);
            } else {
                score.setNull(5, java.sql.Types.REAL);
                score.setString(6, null);
                score.setString(7, ((Score.Failed) e.getValue()).reason());
            }
            score.executeUpdate();
        }
    }

    /**
     * Binds a call's result to the nine columns from {@code column} on, in the order calls and judge_calls share:
     * output, stop_reason, error_code, error_message, the four token counts, latency_ms.
     */
    private static void bindResult(PreparedStatement s, int column, CallResult result) throws SQLException {
        TokenUsage u = result instanceof CallResult.Completion c ? c.usage() : TokenUsage.ZERO;
        if (result instanceof CallResult.Completion c) {
            s.setString(column, c.text());
            s.setString(column + 1, c.stopReason());
            s.setString(column + 2, null);
            s.setString(column + 3, null);
            s.setLong(column + 8, c.latencyMs());
        } else {
            CallResult.Failure f = (CallResult.Failure) result;
            s.setString(column, null);
            s.setString(column + 1, null);
            s.setString(column + 2, f.errorCode());
            s.setString(column + 3, f.message());
            s.setLong(column + 8, 0);
        }
        s.setLong(column + 4, u.inputTokens());
        s.setLong(column + 5, u.outputTokens());
        s.setLong(column + 6, u.cacheReadInputTokens());
        s.setLong(column + 7, u.cacheWriteInputTokens());
    }

    /**
     * A stored answer from the seven columns from {@code column} on: output, stop_reason, the four token counts,
     * latency_ms.
     */
    private static CallResult.Completion completion(ResultSet rs, int column, long clientLatencyMs)
            throws SQLException {
        return completion(rs, column, clientLatencyMs, "");
    }

    /** As {@link #completion(ResultSet, int, long)}, with the model a prompt router chose ("" when not routed). */
    private static CallResult.Completion completion(ResultSet rs, int column, long clientLatencyMs,
                                                    String invokedModelId) throws SQLException {
        return completion(rs, column, clientLatencyMs, invokedModelId, "", "");
    }

    /** As {@link #completion(ResultSet, int, long, String)}, with the tier and latency the answer named. */
    private static CallResult.Completion completion(ResultSet rs, int column, long clientLatencyMs,
                                                    String invokedModelId, String serviceTier, String performance)
            throws SQLException {
        return new CallResult.Completion(rs.getString(column), rs.getString(column + 1), new TokenUsage(
                rs.getLong(column + 2), rs.getLong(column + 3), rs.getLong(column + 4), rs.getLong(column + 5)),
                rs.getLong(column + 6), clientLatencyMs, "", invokedModelId, serviceTier, performance);
    }

    /** Records the end of a run with its results document. */
    public synchronized void finishRun(RunId id, String status, String finishedAt, String resultsJson) {
        update("UPDATE runs SET status = ?, finished_at = ?, results_json = ? WHERE run_id = ?", status, finishedAt,
                resultsJson, id.value());
    }

    /**
     * Replaces a finished run's results document with one that adds an analysis made later without a model call
     * (routing); the run's status and times stay as they were.
     */
    public synchronized void replaceResults(RunId id, String resultsJson) {
        update("UPDATE runs SET results_json = ? WHERE run_id = ? AND results_json IS NOT NULL", resultsJson,
                id.value());
    }

    /** The results document of a finished run. */
    public synchronized Optional<String> resultsJson(RunId id) {
        return runColumn("results_json", id);
    }

    /** Records that {@code id} re-scored the stored outputs of {@code parent}. */
    public synchronized void setParent(RunId id, RunId parent) {
        update("UPDATE runs SET parent_run_id = ? WHERE run_id = ?", parent.value(), id.value());
    }

    /** The run whose outputs {@code id} re-scored, if any. */
    public synchronized Optional<String> parent(RunId id) {
        return runColumn("parent_run_id", id);
    }

    private Optional<String> runColumn(String column, RunId id) {
        try (PreparedStatement s = db.prepareStatement("SELECT " + column + " FROM runs WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read run " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Identifies one judge call.
     *
     * @param scorerId    the judge scorer's id
     * @param candidateId whose output was judged
     * @param itemId      the item
     * @param judgeModel  the judge model
     * @param slot        {@code pointwise}, {@code ab} or {@code ba}
     * @param attempt     0, or 1 for the repair retry
     */
    public record JudgeCallKey(String scorerId, String candidateId, String itemId, String judgeModel, String slot,
                               int attempt) {
    }

    /**
     * Commits one judge call.
     *
     * @param source {@code called} (paid in this run) or {@code cached}
     */
    public synchronized void recordJudgeCall(RunId run, JudgeCallKey key, CallResult result, BigDecimal costUsd,
                                             CallSource source) {
        try (PreparedStatement s = db.prepareStatement(INSERT_JUDGE_CALL)) {
            bindJudgeCall(s, run, new JudgeCallRow(key, result, costUsd, source));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("run store update failed: " + e.getMessage(), e);
        }
    }

    /** One judge call to commit with {@link #recordJudgeCalls}. */
    public record JudgeCallRow(JudgeCallKey key, CallResult result, BigDecimal costUsd, CallSource source) {
    }

    /** Commits many judge calls in one transaction (batch job results arrive thousands at a time). */
    public synchronized void recordJudgeCalls(RunId run, List<JudgeCallRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(INSERT_JUDGE_CALL)) {
                for (JudgeCallRow row : rows) {
                    bindJudgeCall(s, run, row);
                    s.addBatch();
                }
                s.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record judge calls: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private static final String INSERT_JUDGE_CALL = """
            INSERT OR REPLACE INTO judge_calls(run_id, scorer_id, candidate_id, item_id, judge_model, slot, attempt,
              output, stop_reason, error_code, error_message, input_tokens, output_tokens, cache_read_tokens,
              cache_write_tokens, latency_ms, cost_usd, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bindJudgeCall(PreparedStatement s, RunId run, JudgeCallRow row) throws SQLException {
        JudgeCallKey key = row.key();
        s.setString(1, run.value());
        s.setString(2, key.scorerId());
        s.setString(3, key.candidateId());
        s.setString(4, key.itemId());
        s.setString(5, key.judgeModel());
        s.setString(6, key.slot());
        s.setInt(7, key.attempt());
        bindResult(s, 8, row.result());
        s.setString(17, row.costUsd() == null ? null : row.costUsd().toPlainString());
        s.setString(18, row.source().label());
    }

    /** The successful judge calls of a run, for resuming it. */
    public synchronized Map<JudgeCallKey, StoredCall> completedJudgeCalls(RunId id) {
        Map<JudgeCallKey, StoredCall> out = new java.util.HashMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT scorer_id, candidate_id, item_id, judge_model, slot, attempt, output, stop_reason, input_tokens,
                       output_tokens, cache_read_tokens, cache_write_tokens, latency_ms, source
                FROM judge_calls WHERE run_id = ? AND error_code IS NULL""")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new JudgeCallKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)), new StoredCall(completion(rs, 7, 0), CallSource.of(rs.getString(14))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the judge calls of run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Number of judge calls recorded for a run. */
    public synchronized int judgeCallCount(RunId id) {
        return count("judge_calls", id, "judge calls");
    }

    /** Adds or replaces scores of a recorded call (the scorers that score after all outputs are in). */
    public synchronized void recordScores(RunId run, String candidateId, String itemId, Map<String, Score> scores) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement score = db.prepareStatement(INSERT_SCORE)) {
                insertScores(score, run, candidateId, itemId, scores);
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record scores: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Marks an interrupted run as running again. */
    public synchronized void resumeRun(RunId id) {
        update("UPDATE runs SET status = 'running', finished_at = NULL WHERE run_id = ?", id.value());
    }

    /** What the store knows of a run, for resuming it. */
    public record RunInfo(String runId, String suite, String status, String startedAt, String suiteSha256,
                          String datasetSha256) {
    }

    /** The run, if the store has it. */
    public synchronized Optional<RunInfo> run(RunId id) {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT run_id, suite, status, started_at, suite_sha256, dataset_sha256 FROM runs WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read run " + id + ": " + e.getMessage(), e);
        }
    }

    /** A call key: candidate id and item id. */
    public record CallKey(String candidateId, String itemId) {
    }

    /** A stored successful call and whether it was paid ({@code called}) or came from the cache. */
    public record StoredCall(CallResult.Completion completion, CallSource source) {
    }

    /** The successful calls of a run (failed ones are tried again on resume). */
    public synchronized Map<CallKey, StoredCall> completedCalls(RunId id) {
        Map<CallKey, StoredCall> out = new java.util.HashMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT candidate_id, item_id, output, stop_reason, input_tokens, output_tokens, cache_read_tokens,
                       cache_write_tokens, latency_ms, client_latency_ms, source, invoked_model_id, service_tier,
                       performance
                FROM calls WHERE run_id = ? AND error_code IS NULL""")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new CallKey(rs.getString(1), rs.getString(2)), new StoredCall(
                            completion(rs, 3, rs.getLong(10), rs.getString(12), rs.getString(13), rs.getString(14)),
                            CallSource.of(rs.getString(11))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the calls of run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Every stored score of a run: by candidate id, item id and scorer id; a failed score is a null value. Used to
     * decide a run again when its record lists only a sample of its items.
     */
    public synchronized Map<String, Map<String, Map<String, Double>>> scores(RunId id) {
        Map<String, Map<String, Map<String, Double>>> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT candidate_id, item_id, scorer_id, value FROM scores WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(4);
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new java.util.HashMap<>())
                            .put(rs.getString(3), rs.wasNull() ? null : v);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the scores of run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * One stored call's figures, for analyses of a finished run that need every item (the record may embed only a
     * sample of them).
     *
     * @param candidateId  candidate id
     * @param itemId       item id
     * @param modelId      the model id called
     * @param failed       whether the call ended in an error
     * @param stopReason   the stop reason, empty on failure
     * @param inputTokens  input tokens (uncached)
     * @param outputTokens output tokens
     * @param costUsd      the call's cost as priced by the run; null when unknown
     * @param source       where the answer came from
     */
    public record CallFigures(String candidateId, String itemId, String modelId, boolean failed, String stopReason,
                              long inputTokens, long outputTokens, BigDecimal costUsd, CallSource source) {
    }

    /** Every stored call of a run, failed ones included, in no particular order. */
    public synchronized List<CallFigures> callFigures(RunId id) {
        List<CallFigures> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT candidate_id, item_id, model_id, error_code, stop_reason, input_tokens, output_tokens, cost_usd,
                       source
                FROM calls WHERE run_id = ?""")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String cost = rs.getString(8);
                    out.add(new CallFigures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) != null,
                            rs.getString(5) == null ? "" : rs.getString(5), rs.getLong(6), rs.getLong(7),
                            cost == null ? null : new BigDecimal(cost), CallSource.of(rs.getString(9))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the calls of run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Whose answer a judge judged: scorer id, candidate id, item id. */
    public record JudgedAnswer(String scorerId, String candidateId, String itemId) {
    }

    /**
     * What the judge calls about each answer cost (every slot, attempt and juror summed); answers with a judge call
     * of unknown cost are left out.
     */
    public synchronized Map<JudgedAnswer, BigDecimal> judgeCosts(RunId id) {
        Map<JudgedAnswer, BigDecimal> out = new java.util.HashMap<>();
        java.util.Set<JudgedAnswer> unknown = new java.util.HashSet<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT scorer_id, candidate_id, item_id, cost_usd FROM judge_calls WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JudgedAnswer key = new JudgedAnswer(rs.getString(1), rs.getString(2), rs.getString(3));
                    String cost = rs.getString(4);
                    if (cost == null) {
                        unknown.add(key);
                    } else {
                        out.merge(key, new BigDecimal(cost), BigDecimal::add);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the judge calls of run " + id + ": " + e.getMessage(), e);
        }
        unknown.forEach(out::remove);
        return out;
    }

    /**
     * One stored score of an exported call.
     *
     * @param value   the score; null when the scorer failed on this output
     * @param note    the scorer's note (an LLM judge's reasons), null when none
     * @param failure why the scorer failed, null when it did not
     */
    public record StoredScore(Double value, String note, String failure) {
    }

    /**
     * One stored call of a run with every score it has, as {@link #exportRows} reads it.
     *
     * @param candidateId      candidate id
     * @param itemId           item id
     * @param modelId          the model id called
     * @param output           the answer's text, null when the call failed
     * @param stopReason       the stop reason, null when the call failed
     * @param errorCode        the error code, null when the call succeeded
     * @param errorMessage     the error message, null when the call succeeded
     * @param inputTokens      input tokens (uncached)
     * @param outputTokens     output tokens
     * @param cacheReadTokens  input tokens read from the prompt cache
     * @param cacheWriteTokens input tokens written to the prompt cache
     * @param latencyMs        the service's latency
     * @param clientLatencyMs  the latency frontier measured
     * @param costUsd          the call's cost as the run priced it, null when unknown
     * @param source           where the answer came from
     * @param invokedModelId   the model a prompt router chose, "" when not routed
     * @param serviceTier      the service tier that served the answer, "" when the answer did not say
     * @param performance      the latency configuration that served it, "" when the answer did not say
     * @param scores           by scorer id, in scorer id order
     */
    public record ExportRow(String candidateId, String itemId, String modelId, String output, String stopReason,
                            String errorCode, String errorMessage, long inputTokens, long outputTokens,
                            long cacheReadTokens, long cacheWriteTokens, long latencyMs, long clientLatencyMs,
                            BigDecimal costUsd, CallSource source, String invokedModelId, String serviceTier,
                            String performance, Map<String, StoredScore> scores) {
    }

    /** The ids of the scorers that scored any call of a run, in order. */
    public synchronized List<String> scorerIds(RunId id) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT DISTINCT scorer_id FROM scores WHERE run_id = ? ORDER BY scorer_id")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the scorers of run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Hands every stored call of a run, with its scores, to {@code sink} in candidate then item order, as it is read:
     * one forward-only query joins calls and scores, so memory stays bounded whatever the run's size. Returns the
     * number of rows handed over. The store is held for the whole read; {@code sink} should not call it.
     */
    public synchronized long exportRows(RunId id, java.util.function.Consumer<ExportRow> sink) {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT c.candidate_id, c.item_id, c.model_id, c.output, c.stop_reason, c.error_code, c.error_message,
                       c.input_tokens, c.output_tokens, c.cache_read_tokens, c.cache_write_tokens, c.latency_ms,
                       c.client_latency_ms, c.cost_usd, c.source, c.invoked_model_id, c.service_tier, c.performance,
                       s.scorer_id, s.value, s.note, s.failure
                FROM calls c LEFT JOIN scores s
                  ON s.run_id = c.run_id AND s.candidate_id = c.candidate_id AND s.item_id = c.item_id
                WHERE c.run_id = ?
                ORDER BY c.candidate_id, c.item_id, s.scorer_id""",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(512);
            s.setString(1, id.value());
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                ExportRow current = null;
                while (rs.next()) {
                    if (current == null || !current.candidateId().equals(rs.getString(1))
                            || !current.itemId().equals(rs.getString(2))) {
                        if (current != null) {
                            sink.accept(sealed(current));
                            rows++;
                        }
                        String cost = rs.getString(14);
                        current = new ExportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                                cost == null ? null : new BigDecimal(cost), CallSource.of(rs.getString(15)),
                                rs.getString(16), rs.getString(17), rs.getString(18),
                                new java.util.LinkedHashMap<>());
                    }
                    String scorer = rs.getString(19);
                    if (scorer != null) {
                        double v = rs.getDouble(20);
                        current.scores().put(scorer, new StoredScore(rs.wasNull() ? null : v, rs.getString(21),
                                rs.getString(22)));
                    }
                }
                if (current != null) {
                    sink.accept(sealed(current));
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the calls of run " + id + ": " + e.getMessage(), e);
        }
    }

    /** The row as handed over: its scores, gathered while reading, no longer change. */
    private static ExportRow sealed(ExportRow r) {
        return new ExportRow(r.candidateId(), r.itemId(), r.modelId(), r.output(), r.stopReason(), r.errorCode(),
                r.errorMessage(), r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWriteTokens(),
                r.latencyMs(), r.clientLatencyMs(), r.costUsd(), r.source(), r.invokedModelId(), r.serviceTier(),
                r.performance(), java.util.Collections.unmodifiableMap(r.scores()));
    }

    /** The cached answer for {@code key}, if stored at or after {@code notBeforeEpochMs}. */
    public synchronized Optional<CallResult.Completion> cachedResponse(String key, long notBeforeEpochMs) {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT output, stop_reason, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                       latency_ms, invoked_model_id, service_tier, performance
                FROM response_cache WHERE cache_key = ? AND stored_at_ms >= ?""")) {
            s.setString(1, key);
            s.setLong(2, notBeforeEpochMs);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(completion(rs, 1, 0, rs.getString(8), rs.getString(9),
                        rs.getString(10))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the response cache: " + e.getMessage(), e);
        }
    }

    /** Stores an answer in the response cache (errors are never passed here). */
    public synchronized void cacheResponse(String key, CallResult.Completion c, long atEpochMs) {
        TokenUsage u = c.usage();
        update("""
                INSERT OR REPLACE INTO response_cache(cache_key, output, stop_reason, input_tokens, output_tokens,
                  cache_read_tokens, cache_write_tokens, latency_ms, stored_at_ms, invoked_model_id, service_tier,
                  performance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                key, c.text(), c.stopReason(), u.inputTokens(), u.outputTokens(), u.cacheReadInputTokens(),
                u.cacheWriteInputTokens(), c.latencyMs(), atEpochMs, c.invokedModelId(), c.serviceTier(),
                c.performance());
    }

    /**
     * Mean output tokens per candidate id in the latest completed run of {@code suite}; empty when there is none.
     */
    public synchronized Map<String, Double> meanOutputTokens(String suite) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT candidate_id, AVG(output_tokens) FROM calls
                WHERE error_code IS NULL AND run_id = (SELECT run_id FROM runs WHERE suite = ? AND status = 'completed'
                                                       ORDER BY run_id DESC LIMIT 1)
                GROUP BY candidate_id""")) {
            s.setString(1, suite);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read earlier runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** A run's summary line. */
    public record RunRow(String runId, String suite, String status, String startedAt, String finishedAt) {
    }

    /** All runs, newest first. */
    public synchronized List<RunRow> runs() {
        List<RunRow> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT run_id, suite, status, started_at, finished_at FROM runs ORDER BY run_id DESC")) {
            while (rs.next()) {
                out.add(new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** Number of calls recorded for a run. */
    public synchronized int callCount(RunId id) {
        return count("calls", id, "calls");
    }

    private int count(String table, RunId id, String what) {
        try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Bedrock job frontier submitted (batch inference, model customization) or a serving resource it created
     * (provisioned throughput, custom model deployment), as last seen.
     *
     * @param jobArn      the job's or resource's ARN
     * @param kind        what it is (batch inference, a judges' batch, distillation, fine-tuning, serving)
     * @param name        its name in Bedrock
     * @param suite       the suite it was made for
     * @param runId       the run that submitted it, or null
     * @param candidateId the candidate it serves, or null
     * @param clientToken the idempotency token it was submitted with
     * @param status      Bedrock's status when last seen
     * @param requestJson the request as sent
     * @param detailsJson the last status answer, or null
     * @param submittedAt when it was submitted (ISO-8601)
     * @param updatedAt   when its status was last seen (ISO-8601)
     */
    public record JobRow(String jobArn, JobKind kind, String name, String suite, String runId, String candidateId,
                         String clientToken, String status, String requestJson, String detailsJson,
                         String submittedAt, String updatedAt) {
    }

    /** Records a submitted job; a job already recorded under the same ARN is left as it is. */
    public synchronized void recordJob(JobRow job) {
        update("""
                INSERT OR IGNORE INTO jobs(job_arn, kind, name, suite, run_id, candidate_id, client_token, status,
                  request_json, details_json, submitted_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                job.jobArn(), job.kind().label(), job.name(), job.suite(), job.runId(), job.candidateId(),
                job.clientToken(), job.status(), job.requestJson(), job.detailsJson(), job.submittedAt(),
                job.updatedAt());
    }

    /** Records a job's latest status and status answer. */
    public synchronized void updateJob(String jobArn, String status, String detailsJson, String updatedAt) {
        update("UPDATE jobs SET status = ?, details_json = ?, updated_at = ? WHERE job_arn = ?",
                status, detailsJson, updatedAt, jobArn);
    }

    /** The job recorded under an ARN. */
    public synchronized Optional<JobRow> job(String jobArn) {
        return queryJobs("SELECT * FROM jobs WHERE job_arn = ?", jobArn).stream().findFirst();
    }

    /** The job submitted with an idempotency token, if one was. */
    public synchronized Optional<JobRow> jobByToken(String clientToken) {
        return queryJobs("SELECT * FROM jobs WHERE client_token = ? ORDER BY submitted_at", clientToken).stream()
                .findFirst();
    }

    /** Every recorded job, newest first. */
    public synchronized List<JobRow> jobs() {
        return queryJobs("SELECT * FROM jobs ORDER BY submitted_at DESC, job_arn");
    }

    /** The jobs a run submitted, oldest first. */
    public synchronized List<JobRow> jobsOfRun(RunId run) {
        return queryJobs("SELECT * FROM jobs WHERE run_id = ? ORDER BY submitted_at, job_arn", run.value());
    }

    private List<JobRow> queryJobs(String sql, Object... args) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<JobRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new JobRow(rs.getString("job_arn"), JobKind.of(rs.getString("kind")), rs.getString("name"),
                            rs.getString("suite"), rs.getString("run_id"), rs.getString("candidate_id"),
                            rs.getString("client_token"), rs.getString("status"), rs.getString("request_json"),
                            rs.getString("details_json"), rs.getString("submitted_at"), rs.getString("updated_at")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read jobs: " + e.getMessage(), e);
        }
    }

    // ---- one writer per run (table run_leases) and calls that may have been billed (table call_intents) ----

    /** The writer of a run: one row per run being written, removed when the writer ends. */
    private static final String LEASES_TABLE = """
            CREATE TABLE IF NOT EXISTS run_leases (
              run_id TEXT PRIMARY KEY,
              owner TEXT NOT NULL,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              since TEXT NOT NULL,
              heartbeat_at TEXT NOT NULL)""";

    /**
     * Every call that was sent and not yet settled ({@code sent}: in flight, or in flight when its process died), and
     * every call that was sent and got no answer ({@code lost}): both may have been billed.
     */
    private static final String INTENTS_TABLE = """
            CREATE TABLE IF NOT EXISTS call_intents (
              intent_id INTEGER PRIMARY KEY AUTOINCREMENT,
              run_id TEXT NOT NULL,
              kind TEXT NOT NULL,
              candidate_id TEXT NOT NULL,
              item_id TEXT NOT NULL,
              scorer_id TEXT,
              judge_model TEXT,
              slot TEXT,
              attempt INTEGER NOT NULL,
              model_id TEXT NOT NULL,
              request_key TEXT NOT NULL,
              worst_case_usd TEXT NOT NULL,
              state TEXT NOT NULL,
              sent_at TEXT NOT NULL)""";

    /**
     * Who writes a run.
     *
     * @param owner     a random id of the writing process
     * @param host      its host name
     * @param pid       its process id
     * @param since     when it took the lease (ISO-8601)
     * @param heartbeat when it last said it is alive (ISO-8601)
     */
    public record Lease(String owner, String host, long pid, String since, String heartbeat) {
    }

    /**
     * The answer to a request for a run's lease.
     *
     * @param granted  whether the caller now holds it
     * @param previous when granted, the stale lease it took over (empty when the run had no writer); when refused,
     *                 the lease that holds the run
     */
    public record LeaseResult(boolean granted, Optional<Lease> previous) {
    }

    /**
     * Takes the lease of {@code run} for {@code mine}: granted when no one holds it, when {@code mine} holds it
     * already, or when the holder's lease is {@code stale} (then it is taken over, compare-and-set on the holder, so
     * of two processes taking over the same stale lease only one succeeds).
     */
    public synchronized LeaseResult takeLease(RunId run, Lease mine, java.util.function.Predicate<Lease> stale) {
        try {
            try (PreparedStatement s = db.prepareStatement("INSERT OR IGNORE INTO run_leases(run_id, owner, host, "
                    + "pid, since, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                bindLease(s, run, mine);
                if (s.executeUpdate() == 1) {
                    return new LeaseResult(true, Optional.empty());
                }
            }
            Optional<Lease> holder = lease(run);
            if (holder.isEmpty()) {
                return takeLease(run, mine, stale); // released in between
            }
            if (holder.get().owner().equals(mine.owner())) {
                return new LeaseResult(true, Optional.empty());
            }
            if (!stale.test(holder.get())) {
                return new LeaseResult(false, holder);
            }
            try (PreparedStatement s = db.prepareStatement("UPDATE run_leases SET run_id = ?, owner = ?, host = ?, "
                    + "pid = ?, since = ?, heartbeat_at = ? WHERE run_id = ? AND owner = ? AND heartbeat_at = ?")) {
                bindLease(s, run, mine);
                s.setString(7, run.value());
                s.setString(8, holder.get().owner());
                s.setString(9, holder.get().heartbeat());
                if (s.executeUpdate() == 1) {
                    return new LeaseResult(true, holder);
                }
            }
            return new LeaseResult(false, lease(run).or(() -> holder));
        } catch (SQLException e) {
            throw new StoreException("cannot take the lease of run " + run + ": " + e.getMessage(), e);
        }
    }

    private static void bindLease(PreparedStatement s, RunId run, Lease l) throws SQLException {
        s.setString(1, run.value());
        s.setString(2, l.owner());
        s.setString(3, l.host());
        s.setLong(4, l.pid());
        s.setString(5, l.since());
        s.setString(6, l.heartbeat());
    }

    /** The lease that holds {@code run}, if any. */
    public synchronized Optional<Lease> lease(RunId run) {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT owner, host, pid, since, heartbeat_at FROM run_leases WHERE run_id = ?")) {
            s.setString(1, run.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Lease(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the lease of run " + run + ": " + e.getMessage(), e);
        }
    }

    /** Renews {@code owner}'s lease of {@code run}; false when it no longer holds it. */
    public synchronized boolean renewLease(RunId run, String owner, String at) {
        try (PreparedStatement s = db.prepareStatement(
                "UPDATE run_leases SET heartbeat_at = ? WHERE run_id = ? AND owner = ?")) {
            s.setString(1, at);
            s.setString(2, run.value());
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot renew the lease of run " + run + ": " + e.getMessage(), e);
        }
    }

    /** Gives up {@code owner}'s lease of {@code run} (nothing when it does not hold it). */
    public synchronized void releaseLease(RunId run, String owner) {
        update("DELETE FROM run_leases WHERE run_id = ? AND owner = ?", run.value(), owner);
    }

    /**
     * A call about to be sent.
     *
     * @param kind        {@code candidate} or {@code judge}
     * @param candidateId the candidate (whose output a judge judges)
     * @param itemId      the item
     * @param scorerId    the judge scorer, null for a candidate call
     * @param judgeModel  the judge model, null for a candidate call
     * @param slot        the judge slot, null for a candidate call
     * @param attempt     the judge attempt (0 for a candidate call)
     * @param modelId     the model called
     * @param requestKey  the content hash of the request
     * @param worstCase   what the call can cost at most
     */
    public record Intent(String kind, String candidateId, String itemId, String scorerId, String judgeModel,
                         String slot, int attempt, String modelId, String requestKey, BigDecimal worstCase) {
    }

    /** Records that a call is about to be sent and returns its id; the call must then be settled. */
    public synchronized long recordIntent(RunId run, Intent intent, String sentAt) {
        try {
            PreparedStatement s = prepared(INSERT_INTENT);
            s.setString(1, run.value());
            s.setString(2, intent.kind());
            s.setString(3, intent.candidateId());
            s.setString(4, intent.itemId());
            s.setString(5, intent.scorerId());
            s.setString(6, intent.judgeModel());
            s.setString(7, intent.slot());
            s.setInt(8, intent.attempt());
            s.setString(9, intent.modelId());
            s.setString(10, intent.requestKey());
            s.setString(11, intent.worstCase().toPlainString());
            s.setString(12, sentAt);
            s.executeUpdate();
            return lastRowId();
        } catch (SQLException e) {
            throw new StoreException("cannot record a call about to be sent: " + e.getMessage(), e);
        }
    }

    /**
     * Commits a call and settles its intent in one transaction: the intent is removed, or kept as {@code lost} when
     * the call got no answer and {@code possiblyBilled}.
     */
    public synchronized void settleCall(RunId run, long intentId, CallRow row, boolean possiblyBilled) {
        try {
            db.setAutoCommit(false);
            insert(prepared(INSERT_CALL), prepared(INSERT_SCORE), run, row);
            settleIntent(intentId, possiblyBilled);
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record a call: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** {@link #settleCall} for a judge call. */
    public synchronized void settleJudgeCall(RunId run, long intentId, JudgeCallRow row, boolean possiblyBilled) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(INSERT_JUDGE_CALL)) {
                bindJudgeCall(s, run, row);
                s.executeUpdate();
            }
            settleIntent(intentId, possiblyBilled);
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record a judge call: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private void settleIntent(long intentId, boolean possiblyBilled) throws SQLException {
        PreparedStatement s = prepared(possiblyBilled ? "UPDATE call_intents SET state = 'lost' WHERE intent_id = ?"
                : "DELETE FROM call_intents WHERE intent_id = ?");
        s.setLong(1, intentId);
        s.executeUpdate();
    }

    /**
     * The calls of a run that may have been billed without an answer in the store.
     *
     * @param inFlight  sent and never settled: in flight when their process was killed
     * @param cutOff    sent and answered by no response (client timeout, connection cut)
     * @param worstCase the sum of their worst cases
     */
    public record PossiblyBilled(int inFlight, int cutOff, BigDecimal worstCase) {
        public static final PossiblyBilled NONE = new PossiblyBilled(0, 0, BigDecimal.ZERO);

        public int calls() {
            return inFlight + cutOff;
        }
    }

    /** What {@code run}'s unsettled and lost calls may have cost; calls in flight now count as in flight. */
    public synchronized PossiblyBilled possiblyBilled(RunId run) {
        int inFlight = 0;
        int cutOff = 0;
        BigDecimal worst = BigDecimal.ZERO;
        try (PreparedStatement s = db.prepareStatement(
                "SELECT state, worst_case_usd FROM call_intents WHERE run_id = ?")) {
            s.setString(1, run.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if ("lost".equals(rs.getString(1))) {
                        cutOff++;
                    } else {
                        inFlight++;
                    }
                    worst = worst.add(new BigDecimal(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the calls in flight of run " + run + ": " + e.getMessage(), e);
        }
        return new PossiblyBilled(inFlight, cutOff, worst);
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("run store update failed: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is unusable; the next statement will say so
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement s : prepared.values()) {
                s.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the run store: " + e.getMessage(), e);
        }
    }

    /** A run-store failure (an infrastructure problem, not bad input). */
    public static class StoreException extends RuntimeException {
        public StoreException(String message) {
            super(message);
        }

        public StoreException(String message, Throwable cause) {
            super(StoreIdentity.isLocked(cause) ? message + " (the run store is locked by another process, and "
                    + "stayed locked for 5 s; wait for it to finish, or pass another --store)" : message, cause);
        }
    }

    /** The file is not a frontier run store (another program's SQLite file, or not SQLite at all); left untouched. */
    public static final class NotAStore extends StoreException {
        public NotAStore(String message) {
            super(message);
        }
    }
}
