package io.netproto.examples.dsl;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.app.BeansDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RoutesBuilderLoaderSupport;
import org.apache.camel.xml.in.ModelParser;

/**
 * Loads routes files in Camel's XML DSL ({@code .xml}, including {@code .camel.xml}) for Camel's {@code RoutesLoader}
 * and Camel Main's {@code routesIncludePattern}, registered through
 * {@code META-INF/services/org/apache/camel/routes-loader/xml}.
 * <p>
 * A stand-in for {@code camel-xml-io-dsl}, which the package registry this project builds from does not serve in
 * version 4.22.0. It reads the same files with the same parser, Camel's own {@code ModelParser} from
 * {@code camel-xml-io}: a {@code <camel>} or {@code <routes>} root holding {@code <route>} elements. Everything else
 * that {@code camel-xml-io-dsl} understands (beans, REST, route templates and configurations, ...) is refused with a
 * message rather than ignored. Where {@code camel-xml-io-dsl} is available, depend on it instead and delete this class
 * and its service file: the routes files stay as they are.
 */
public final class XmlRoutesLoader extends RoutesBuilderLoaderSupport {

    @Override
    public String getSupportedExtension() {
        return "xml";
    }

    @Override
    public boolean isSupportedExtension(String extension) {
        return "xml".equals(extension) || "camel.xml".equals(extension);
    }

    @Override
    public RoutesBuilder loadRoutesBuilder(Resource resource) {
        return new RouteBuilder(getCamelContext()) {
            @Override
            public void configure() throws Exception {
                BeansDefinition definitions = new ModelParser(resource).parseBeansDefinition()
                        .orElseThrow(() -> new IllegalArgumentException(
                                resource.getLocation() + ": expected a <camel> or <routes> root element"));
                List<String> unsupported = unsupported(definitions);
                if (!unsupported.isEmpty()) {
                    throw new IllegalArgumentException(resource.getLocation() + ": " + String.join(", ", unsupported)
                                                       + " need camel-xml-io-dsl; this loader only adds routes");
                }
                for (RouteDefinition route : definitions.getRoutes()) {
                    route.setResource(resource);
                    getRouteCollection().route(route);
                }
            }
        };
    }

    private static List<String> unsupported(BeansDefinition definitions) {
        List<String> found = new ArrayList<>();
        addIfPresent(found, "<bean>", definitions.getBeans());
        addIfPresent(found, "<componentScan>", definitions.getComponentScanning());
        addIfPresent(found, "<sslContextParameters>", definitions.getSslContextParameters());
        addIfPresent(found, "<dataFormats>", definitions.getDataFormats());
        addIfPresent(found, "<restConfiguration>", definitions.getRestConfigurations());
        addIfPresent(found, "<rest>", definitions.getRests());
        addIfPresent(found, "<routeConfiguration>", definitions.getRouteConfigurations());
        addIfPresent(found, "<routeTemplate>", definitions.getRouteTemplates());
        addIfPresent(found, "<templatedRoute>", definitions.getTemplatedRoutes());
        return found;
    }

    private static void addIfPresent(List<String> found, String element, List<?> definitions) {
        if (definitions != null && !definitions.isEmpty()) {
            found.add(element);
        }
    }
}
