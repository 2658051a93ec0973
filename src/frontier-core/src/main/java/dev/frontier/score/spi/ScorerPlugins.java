package dev.frontier.score.spi;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the installed {@link ScorerPlugin}s with {@link ServiceLoader}: those on frontier's class path, and those in
 * every {@code *.jar} of a plug-in folder (loaded with a class loader whose parent is frontier's, so a plug-in sees
 * frontier's classes and its own).
 */
public final class ScorerPlugins {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ScorerPlugins() {
    }

    /**
     * The plug-ins on the class path and in {@code folder}, by name.
     *
     * @throws IllegalArgumentException with a message for the user when the folder cannot be read, a jar's
     *                                  plug-in cannot be loaded, or a name is invalid or taken twice
     */
    public static Map<String, ScorerPlugin> load(Optional<Path> folder) {
        ClassLoader parent = ScorerPlugin.class.getClassLoader();
        ClassLoader loader = parent;
        String where = "the class path";
        if (folder.isPresent()) {
            Path dir = folder.get();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--plugins " + dir + ": not a folder (give the folder that holds "
                        + "the plug-in jars)");
            }
            List<URL> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--plugins " + dir + ": cannot list the folder: " + e.getMessage());
            }
            // kept open for the life of the process: the plug-ins' classes are used until it ends
            loader = new URLClassLoader(jars.toArray(URL[]::new), parent);
            where = "the class path or the " + jars.size() + " jar(s) in " + dir;
        }
        Map<String, ScorerPlugin> out = new LinkedHashMap<>();
        Iterator<ScorerPlugin> found = ServiceLoader.load(ScorerPlugin.class, loader).iterator();
        while (true) {
            ScorerPlugin plugin;
            try {
                if (!found.hasNext()) {
                    break;
                }
                plugin = found.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new IllegalArgumentException("a scorer plug-in in " + where + " cannot be loaded: "
                        + e.getMessage());
            }
            String name;
            try {
                name = plugin.name();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("scorer plug-in " + plugin.getClass().getName() + " (" + source(plugin)
                        + ") failed to give its name: " + e);
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("scorer plug-in " + plugin.getClass().getName() + " ("
                        + source(plugin) + ") is named '" + name + "'; a name is lower-case letters, digits and '-'");
            }
            ScorerPlugin taken = out.putIfAbsent(name, plugin);
            if (taken != null) {
                throw new IllegalArgumentException("two scorer plug-ins are named '" + name + "': " + source(taken)
                        + " and " + source(plugin) + "; remove one");
            }
        }
        return out;
    }

    private static String source(ScorerPlugin plugin) {
        var domain = plugin.getClass().getProtectionDomain();
        if (domain == null || domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
            return plugin.getClass().getName();
        }
        try {
            return Path.of(domain.getCodeSource().getLocation().toURI()).getFileName().toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return domain.getCodeSource().getLocation().toString();
        }
    }
}
