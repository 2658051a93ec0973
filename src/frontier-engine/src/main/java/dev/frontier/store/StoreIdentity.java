package dev.frontier.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a frontier run store from any other file before the store opens it for writing, so that another program's
 * SQLite database is refused untouched rather than given frontier's tables. A frontier store carries SQLite's
 * {@code application_id} {@value #APPLICATION_ID} ("FRNT") in its header; stores made before the mark are recognised
 * by their tables ({@code meta} and {@code runs}, as every version had) and gain it when opened.
 */
final class StoreIdentity {
    /** SQLite {@code PRAGMA application_id} of a frontier run store: the bytes "FRNT". */
    static final int APPLICATION_ID = 0x46524E54;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreIdentity() {
    }

    /**
     * Passes when {@code file} is missing or empty (a new store), or is a frontier store; otherwise throws
     * {@link RunStore.NotAStore}. Reads the header, and opens the database read-only only when the header alone
     * cannot tell.
     */
    static void check(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new RunStore.NotAStore(file + " is not a run store: it is not a regular file; pass the path of a "
                    + "run store file with --store");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(100);
        }
        if (header.length == 0) {
            return;
        }
        if (header.length < 100 || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new RunStore.NotAStore(file + " is not a frontier run store (not a SQLite database); it was left "
                    + "untouched. Pass another --store");
        }
        int applicationId = ((header[68] & 0xff) << 24) | ((header[69] & 0xff) << 16) | ((header[70] & 0xff) << 8)
                | (header[71] & 0xff);
        if (applicationId == APPLICATION_ID) {
            return;
        }
        if (applicationId != 0) {
            throw new RunStore.NotAStore(String.format(Locale.ROOT, "%s is another program's SQLite database "
                    + "(application_id 0x%08X), not a frontier run store; it was left untouched. Pass another --store",
                    file, applicationId));
        }
        // no mark in the header: a store made before the mark (or one whose mark is still in its write-ahead log)
        Set<String> tables = tables(file);
        if (!tables.containsAll(Set.of("meta", "runs"))) {
            throw new RunStore.NotAStore(file + " is a SQLite database but not a frontier run store (its tables: "
                    + (tables.isEmpty() ? "none" : String.join(", ", tables)) + "); it was left untouched. Pass "
                    + "another --store");
        }
    }

    private static Set<String> tables(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
                    || se.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT)) {
                throw new RunStore.NotAStore(file + " is not a frontier run store (" + se.getResultCode().message
                        + "); it was left untouched. Pass another --store");
            }
            throw new RunStore.StoreException("cannot open the run store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code e} is SQLite's "database is locked" (another process holds the lock). */
    static boolean isLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                    || se.getResultCode().code == SQLiteErrorCode.SQLITE_BUSY.code)) {
                return true;
            }
        }
        return false;
    }
}
