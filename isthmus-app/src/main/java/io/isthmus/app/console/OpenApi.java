package io.isthmus.app.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the REST API, kept as a checked-in
 * resource beside this class rather than generated, so a reviewer sees every change to the
 * contract as a diff. {@code OpenApiDocumentTest} compares it with the routes the hub registers.
 */
final class OpenApi {
    static final String PATH = "/api/openapi.json";
    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    OpenApi() {
        this.document = load();
    }

    /** The document's bytes, as served. */
    static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json");
        ctx.result(document);
    }
}
