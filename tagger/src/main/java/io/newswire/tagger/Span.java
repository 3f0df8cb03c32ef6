package io.newswire.tagger;

import io.newswire.schema.EntityType;

/** A mention found in the text: its type and [start, end) offsets. */
record Span(EntityType type, int start, int end, String text) {}
