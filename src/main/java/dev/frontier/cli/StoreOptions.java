package dev.frontier.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the run store and the reports live; shared by the commands that use them. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "FILE", defaultValue = ".frontier/frontier.db",
            description = "run store (SQLite), default: ${DEFAULT-VALUE}")
    Path store;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "reports folder, default: ${DEFAULT-VALUE}")
    Path reports;
}
