// Swagger UI for Ticket Router: reads the server's OpenAPI document (/openapi, JSON).
// Kept out of index.html because the pages are served with a Content-Security-Policy that forbids inline scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi?format=JSON",
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    requestInterceptor: function (request) {
      if (request.url.indexOf("/openapi") !== -1) {
        request.headers["Accept"] = "application/json";
      }
      return request;
    }
  });
});
