package dev.plugnet.core.plugins;

import dev.plugnet.api.ApiVersion;

import java.lang.module.ModuleDescriptor;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Decides whether a plugin jar was built for this plugnet api, from the version it was compiled against (see
 * {@link ApiVersion#MAJOR}): the compiled version of its {@code requires dev.plugnet.api} (javac records it
 * from the api jar's module version), or else the manifest attribute {@value #MANIFEST_ATTRIBUTE}. A jar that
 * records neither is accepted.
 */
final class ApiCompatibility {
    /** The manifest attribute a plain (automatic-module) jar may carry: the api version it was built against. */
    static final String MANIFEST_ATTRIBUTE = ApiVersion.MANIFEST_ATTRIBUTE;
    static final String API_MODULE = "dev.plugnet.api";

    private ApiCompatibility() {
    }

    /** @return the api version the jar was compiled against, if it records one */
    static Optional<String> compiledAgainst(ModuleDescriptor descriptor, Manifest manifest) {
        for (ModuleDescriptor.Requires r : descriptor.requires()) {
            if (r.name().equals(API_MODULE)) {
                Optional<String> v = r.rawCompiledVersion();
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        if (manifest != null) {
            String v = manifest.getMainAttributes().getValue(new Attributes.Name(MANIFEST_ATTRIBUTE));
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    /** @return why the jar is refused, or empty if its api version is compatible (or unknown) */
    static Optional<String> problem(ModuleDescriptor descriptor, Manifest manifest) {
        Optional<String> version = compiledAgainst(descriptor, manifest);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        int major = major(version.get());
        if (major == ApiVersion.MAJOR) {
            return Optional.empty();
        }
        return Optional.of("compiled against plugnet api " + version.get() + ", so it needs api major version "
                + (major < 0 ? "\"" + version.get() + "\"" : String.valueOf(major)) + "; this plugnet has api "
                + ApiVersion.MAJOR + ".x — use a build of the plugin for api " + ApiVersion.MAJOR + ".x");
    }

    /** @return the leading number of a version such as {@code 1.0.0-SNAPSHOT}, or -1 if it has none */
    static int major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 9) {
            return -1;
        }
        return Integer.parseInt(version.substring(0, end));
    }
}
