package io.netproto.camel.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;

/**
 * Validates endpoint URIs with Camel's runtime catalog against our components' JSON metadata, and words
 * each problem as one sentence that names the option, the value and what would be valid. Option values
 * are echoed only for typed options (never for unknown or secret ones, which may hold credentials).
 */
final class UriValidator {

    private final DefaultRuntimeCamelCatalog catalog = new DefaultRuntimeCamelCatalog();
    private final Map<String, ComponentInfo> components;

    UriValidator(Map<String, String> json, Map<String, ComponentInfo> components) {
        this.components = components;
        catalog.setJSonSchemaResolver(new MapSchemaResolver(json));
        catalog.setSuggestionStrategy(new NameSuggestions());
    }

    List<String> validate(String uri) {
        Set<String> messages = new LinkedHashSet<>();
        if (uri == null || uri.isBlank()) {
            return List.of("The endpoint URI is empty");
        }
        EndpointUri parts = EndpointUri.parse(uri.strip());
        EndpointValidationResult result = catalog.validateEndpointProperties(parts.forCatalog(), false, false, false);
        if (result.getUnknownComponent() != null) {
            messages.add("Unknown component '" + result.getUnknownComponent() + "': the known schemes are "
                         + String.join(", ", components.keySet()));
            return List.copyOf(messages);
        }
        if (result.getSyntaxError() != null && !parts.host().isBlank()) {
            messages.add("Invalid URI syntax: " + result.getSyntaxError());
        }
        if (result.getIncapable() != null) {
            messages.add("The URI cannot be checked: " + result.getIncapable());
        }
        ComponentInfo component = components.get(parts.scheme());
        missingHost(parts, component, messages);
        required(result, component, messages);
        unknown(result, messages);
        invalidEnums(result, messages);
        invalid(result.getInvalidBoolean(), "true or false", messages);
        invalid(result.getInvalidInteger(), "a whole number", messages);
        invalid(result.getInvalidNumber(), "a number", messages);
        invalid(result.getInvalidDuration(), "a duration in milliseconds or such as 10s, 1m30s", messages);
        invalid(result.getInvalidReference(), "a bean reference such as #myBean", messages);
        invalid(result.getInvalidArray(), "a list", messages);
        invalid(result.getInvalidMap(), "a map", messages);
        return List.copyOf(messages);
    }

    private static void missingHost(EndpointUri parts, ComponentInfo component, Set<String> messages) {
        boolean needsHost = component != null && component.endpointOption("host").map(OptionInfo::required).orElse(false);
        if (needsHost && parts.host().isBlank()) {
            messages.add(missingPath("host", component));
        }
    }

    private static String missingPath(String name, ComponentInfo component) {
        return "Missing required " + name + " in the URI path: the syntax is " + component.syntax();
    }

    private static void required(EndpointValidationResult result, ComponentInfo component, Set<String> messages) {
        if (result.getRequired() == null) {
            return;
        }
        for (String name : sorted(result.getRequired())) {
            boolean path = component != null && component.endpointOption(name).map(OptionInfo::isPath).orElse(false);
            if (path) {
                messages.add(missingPath(name, component));
            } else {
                messages.add("Missing required option '" + name + "'");
            }
        }
    }

    private static void unknown(EndpointValidationResult result, Set<String> messages) {
        if (result.getUnknown() == null) {
            return;
        }
        Map<?, ?> suggestions = result.getUnknownSuggestions();
        for (String name : sorted(result.getUnknown())) {
            String[] candidates = suggestions == null ? null : (String[]) suggestions.get(name);
            messages.add("Unknown option '" + name + "'" + didYouMean(candidates));
        }
    }

    private static void invalidEnums(EndpointValidationResult result, Set<String> messages) {
        Map<?, ?> invalid = result.getInvalidEnum();
        if (invalid == null) {
            return;
        }
        Map<?, ?> choices = result.getInvalidEnumChoices();
        Map<?, ?> suggestions = result.getInvalidEnumSuggestions();
        for (String name : sorted(invalid.keySet())) {
            String[] valid = choices == null ? null : (String[]) choices.get(name);
            String[] close = suggestions == null ? null : (String[]) suggestions.get(name);
            messages.add("Invalid value '" + invalid.get(name) + "' for option '" + name + "': expected one of "
                         + (valid == null ? "the documented values" : String.join(", ", valid)) + didYouMean(close));
        }
    }

    private static void invalid(Map<?, ?> invalid, String expected, Set<String> messages) {
        if (invalid == null) {
            return;
        }
        for (String name : sorted(invalid.keySet())) {
            messages.add("Invalid value '" + invalid.get(name) + "' for option '" + name + "': expected " + expected);
        }
    }

    private static String didYouMean(String[] candidates) {
        if (candidates == null || candidates.length == 0) {
            return "";
        }
        return ". Did you mean '" + String.join("' or '", candidates) + "'?";
    }

    private static Collection<String> sorted(Collection<?> names) {
        return new TreeSet<>(names.stream().map(Object::toString).toList());
    }
}
