package io.netproto.camel.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The metadata of one component scheme: what the endpoint does, its URI syntax, options, headers and
 * producer operations.
 *
 * @param scheme            the URI scheme, such as {@code netftp}
 * @param title             the human-readable name
 * @param description       what the component does
 * @param syntax            the URI syntax, such as {@code netftp:host:port/directoryName}
 * @param alternativeSyntax another accepted syntax (e.g. with user info), or {@code null}
 * @param firstVersion      the release that introduced the component
 * @param label             the comma-separated categories
 * @param groupId           the Maven groupId of the jar holding the component
 * @param artifactId        the Maven artifactId of that jar
 * @param version           the version of that jar
 * @param componentOptions  options set on the component (defaults of all its endpoints)
 * @param endpointOptions   path parameters and query options of endpoint URIs
 * @param headers           message headers the endpoint reads or sets
 */
public record ComponentInfo(String scheme, String title, String description, String syntax, String alternativeSyntax,
                            String firstVersion, String label, String groupId, String artifactId, String version,
                            List<OptionInfo> componentOptions, List<OptionInfo> endpointOptions, List<HeaderInfo> headers) {

    public ComponentInfo {
        componentOptions = List.copyOf(componentOptions);
        endpointOptions = List.copyOf(endpointOptions);
        headers = List.copyOf(headers);
    }

    /** The path parameters of the endpoint URI, in syntax order. */
    public List<OptionInfo> pathParameters() {
        return endpointOptions.stream().filter(OptionInfo::isPath).toList();
    }

    /** The query options of the endpoint URI. */
    public List<OptionInfo> queryOptions() {
        return endpointOptions.stream().filter(o -> !o.isPath()).toList();
    }

    /** The endpoint option (path parameter or query option) of that name. */
    public Optional<OptionInfo> endpointOption(String name) {
        return endpointOptions.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The producer operations: the allowed values of the {@code operation} option, empty when it has none. */
    public List<String> operations() {
        return endpointOption("operation").map(OptionInfo::enums).orElse(List.of());
    }

    /** The header that selects the operation per message (the enum header of the operation's type), if any. */
    public Optional<HeaderInfo> operationHeader() {
        return endpointOption("operation").flatMap(op -> headers.stream()
                .filter(h -> h.javaType().equals(op.javaType()))
                .findFirst());
    }
}
