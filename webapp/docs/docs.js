// Swagger UI for Ticket Router: reads the server's OpenAPI document (/openapi, JSON), which is open to signed-in
// admins only: without a session the page sends you to the login page, and back here afterwards.
// Kept out of index.html because the pages are served with a Content-Security-Policy that forbids inline scripts.
window.addEventListener("load", function () {
  fetch("/openapi?format=JSON", {headers: {"Accept": "application/json"}, credentials: "same-origin"})
    .then(function (answer) {
      if (answer.status === 401) {
        window.location.href = "/login.html?next=" + encodeURIComponent("/docs/");
        return;
      }
      if (!answer.ok) {
        document.getElementById("swagger-ui").textContent = answer.status === 403
          ? "The API description is open to admins only: sign in as an admin to read it."
          : "The API description could not be loaded (HTTP " + answer.status + ").";
        return;
      }
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
});
