package io.netproto.camel.catalog;

import java.util.List;

/**
 * One option of a component, as declared in its JSON metadata.
 *
 * @param name         the option name used in URIs and on the component
 * @param kind         {@code path} (part of the URI path), {@code parameter} (URI query) or {@code property}
 *                     (component option)
 * @param group        the documentation group derived from the label, such as {@code consumer (advanced)}
 * @param label        the comma-separated labels, such as {@code consumer,filter}; may be empty
 * @param type         the JSON schema type: string, boolean, integer, duration, enum, object...
 * @param javaType     the Java type of the option
 * @param required     whether the option must be given
 * @param defaultValue the default value as text, or {@code null} when there is none
 * @param enums        the allowed values of an enum option, empty otherwise
 * @param secret       whether the value is a secret (masked in logs and URIs)
 * @param deprecated   whether the option is deprecated
 * @param description  the documentation of the option
 */
public record OptionInfo(String name, String kind, String group, String label, String type, String javaType,
                         boolean required, String defaultValue, List<String> enums, boolean secret,
                         boolean deprecated, String description) {

    public OptionInfo {
        enums = List.copyOf(enums);
    }

    /** Whether the option is a path parameter of the endpoint URI. */
    public boolean isPath() {
        return "path".equals(kind);
    }
}
