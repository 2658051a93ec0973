package dev.frontier.logs;

import dev.frontier.invoke.S3Objects;
import dev.frontier.model.S3Uri;
import java.nio.file.Path;
import java.util.Objects;

/** Where invocation logs are read from: a local folder (a copy of the S3 prefix) or the S3 prefix itself. */
public sealed interface InvocationLogSource permits InvocationLogSource.Folder, InvocationLogSource.S3Prefix {

    /** How the source is named to the user and in a traffic profile: the folder or the {@code s3://} prefix. */
    String location();

    /** A folder whose {@code *.json}, {@code *.json.gz}, {@code *.jsonl} and {@code *.jsonl.gz} files are read. */
    record Folder(Path root) implements InvocationLogSource {
        public Folder {
            Objects.requireNonNull(root, "root");
        }

        @Override
        public String location() {
            return root.toString();
        }
    }

    /** The objects under an S3 prefix, read through {@link S3Objects}; bodies delivered to S3 are read too. */
    record S3Prefix(S3Uri prefix, S3Objects s3) implements InvocationLogSource {
        public S3Prefix {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(s3, "s3");
        }

        @Override
        public String location() {
            return prefix.toString();
        }
    }
}
