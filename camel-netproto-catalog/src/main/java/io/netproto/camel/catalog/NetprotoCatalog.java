package io.netproto.camel.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The netproto components' metadata, read from the JSON that camel-package-maven-plugin generates into the
 * component jar: components, options, headers and producer operations, plus validation of endpoint URIs.
 *
 * <pre>
 * NetprotoCatalog catalog = NetprotoCatalog.load();
 * List&lt;String&gt; problems = catalog.validate("netftp://alice@ftp.example.com/inbox?passivMode=true");
 * // [Unknown option 'passivMode'. Did you mean 'passiveMode'?]
 * </pre>
 */
public final class NetprotoCatalog {

    /** The groupId prefix of the component jars this catalog reads. */
    public static final String GROUP_ID = "io.netproto";

    private final Map<String, ComponentInfo> components;
    private final UriValidator validator;

    private NetprotoCatalog(Map<String, String> json) {
        Map<String, ComponentInfo> parsed = new LinkedHashMap<>();
        json.forEach((scheme, text) -> parsed.put(scheme, MetadataReader.parse(text)));
        this.components = Collections.unmodifiableMap(parsed);
        this.validator = new UriValidator(json, components);
    }

    /** The catalog of the netproto components on this class's class path. */
    public static NetprotoCatalog load() {
        return load(NetprotoCatalog.class.getClassLoader());
    }

    /** The catalog of the netproto components visible to {@code loader}. */
    public static NetprotoCatalog load(ClassLoader loader) {
        return new NetprotoCatalog(MetadataReader.discover(loader, GROUP_ID));
    }

    /** The known schemes, in the order the component jars list them. */
    public Set<String> schemes() {
        return components.keySet();
    }

    /** The metadata of every known component. */
    public List<ComponentInfo> components() {
        return List.copyOf(components.values());
    }

    /** The metadata of a scheme, if known. */
    public Optional<ComponentInfo> component(String scheme) {
        return Optional.ofNullable(components.get(scheme));
    }

    /**
     * Checks an endpoint URI against its component's metadata: unknown options (with did-you-mean
     * suggestions), values of the wrong type, invalid enum values and missing required path parameters.
     * Property placeholders such as {@code {{ftp.host}}} are accepted as any value.
     *
     * @return one message per problem; empty when the URI is valid
     */
    public List<String> validate(String uri) {
        return validator.validate(uri);
    }
}
