package io.netproto.camel.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Finds the components' JSON metadata on a class path and reads it. The schemes come from the
 * {@code components=} line of each {@code META-INF/services/org/apache/camel/component.properties}; the
 * JSON of a scheme sits in the package of its component class, as camel-package-maven-plugin writes it.
 */
final class MetadataReader {

    private static final String SERVICES = "META-INF/services/org/apache/camel/";

    private MetadataReader() {
    }

    /** The JSON metadata of every scheme whose component.properties has a groupId starting with {@code groupPrefix}. */
    static Map<String, String> discover(ClassLoader loader, String groupPrefix) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(SERVICES + "component.properties"))) {
                Properties list = properties(url);
                if (!list.getProperty("groupId", "").startsWith(groupPrefix)) {
                    continue;
                }
                for (String scheme : list.getProperty("components", "").trim().split("\\s+")) {
                    if (!scheme.isEmpty()) {
                        found.put(scheme, json(loader, scheme));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the component lists from the class path", e);
        }
        return found;
    }

    private static String json(ClassLoader loader, String scheme) throws IOException {
        URL service = loader.getResource(SERVICES + "component/" + scheme);
        if (service == null) {
            throw new IllegalStateException("No service file " + SERVICES + "component/" + scheme);
        }
        String componentClass = properties(service).getProperty("class");
        String path = "META-INF/" + componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/')
                      + "/" + scheme + ".json";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No JSON metadata " + path + " for scheme " + scheme);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties properties(URL url) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }

    /** Reads one component's JSON metadata. */
    static ComponentInfo parse(String json) {
        JsonObject root;
        try {
            root = (JsonObject) Jsoner.deserialize(json);
        } catch (DeserializationException e) {
            throw new IllegalArgumentException("Invalid component JSON metadata: " + e.getMessage(), e);
        }
        JsonObject c = root.getJsonObject("component");
        return new ComponentInfo(c.getString("scheme"), c.getString("title"), c.getString("description"),
                c.getString("syntax"), blankToNull(c.getString("alternativeSyntax")), c.getString("firstVersion"),
                c.getString("label"), c.getString("groupId"), c.getString("artifactId"), c.getString("version"),
                options(root.getJsonObject("componentProperties")), options(root.getJsonObject("properties")),
                headers(root.getJsonObject("headers")));
    }

    private static List<OptionInfo> options(JsonObject options) {
        List<OptionInfo> result = new ArrayList<>();
        if (options != null) {
            options.forEach((name, value) -> {
                JsonObject o = (JsonObject) value;
                result.add(new OptionInfo(name, o.getString("kind"), o.getString("group"), text(o, "label"),
                        o.getString("type"), o.getString("javaType"), flag(o, "required"), defaultValue(o), enums(o),
                        flag(o, "secret"), flag(o, "deprecated"), text(o, "description")));
            });
        }
        return result;
    }

    private static List<HeaderInfo> headers(JsonObject headers) {
        List<HeaderInfo> result = new ArrayList<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                JsonObject h = (JsonObject) value;
                result.add(new HeaderInfo(name, h.getString("group"), h.getString("javaType"), enums(h), text(h, "description")));
            });
        }
        return result;
    }

    private static String defaultValue(JsonObject o) {
        Object value = o.get("defaultValue");
        return value == null ? null : value.toString();
    }

    private static List<String> enums(JsonObject o) {
        JsonArray values = o.getJsonArray("enum");
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    private static boolean flag(JsonObject o, String key) {
        return Boolean.TRUE.equals(o.getBoolean(key));
    }

    private static String text(JsonObject o, String key) {
        String value = o.getString(key);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
