package io.netproto.camel.catalog;

import java.util.List;

/**
 * One message header an endpoint reads or sets, as declared in its JSON metadata.
 *
 * @param name        the header name, such as {@code CamelNetFtpOperation}
 * @param group       {@code producer}, {@code consumer} or {@code common}
 * @param javaType    the Java type of the value
 * @param enums       the allowed values of an enum header, empty otherwise
 * @param description the documentation of the header
 */
public record HeaderInfo(String name, String group, String javaType, List<String> enums, String description) {

    public HeaderInfo {
        enums = List.copyOf(enums);
    }
}
