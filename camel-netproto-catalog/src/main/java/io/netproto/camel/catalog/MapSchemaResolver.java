package io.netproto.camel.catalog;

import java.util.Map;

import org.apache.camel.catalog.JSonSchemaResolver;

/** Serves component JSON from a map of scheme to JSON; knows nothing else (no EIPs, languages or data formats). */
final class MapSchemaResolver implements JSonSchemaResolver {

    private final Map<String, String> components;

    MapSchemaResolver(Map<String, String> components) {
        this.components = Map.copyOf(components);
    }

    @Override
    public void setClassLoader(ClassLoader classLoader) {
        // the JSON is already loaded
    }

    @Override
    public String getComponentJSonSchema(String name) {
        return components.get(name);
    }

    @Override
    public String getDataFormatJSonSchema(String name) {
        return null;
    }

    @Override
    public String getLanguageJSonSchema(String name) {
        return null;
    }

    @Override
    public String getTransformerJSonSchema(String name) {
        return null;
    }

    @Override
    public String getDevConsoleJSonSchema(String name) {
        return null;
    }

    @Override
    public String getOtherJSonSchema(String name) {
        return null;
    }

    @Override
    public String getModelJSonSchema(String name) {
        return null;
    }

    @Override
    public String getMainJsonSchema() {
        return null;
    }

    @Override
    public String getJBangJsonSchema() {
        return null;
    }

    @Override
    public String getPojoBeanJSonSchema(String name) {
        return null;
    }
}
