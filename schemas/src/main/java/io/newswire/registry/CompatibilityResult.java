package io.newswire.registry;

import java.util.List;

/** The registry's answer to "could this schema be the next version?", with its reasons when not. */
public record CompatibilityResult(boolean compatible, List<String> messages) {}
