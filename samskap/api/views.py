from django.shortcuts import render

from .api import api

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def api_docs(request):
    """An accessible, translated reference built from the OpenAPI document (Swagger UI is not)."""
    schema = api.get_openapi_schema(path_prefix=request.path.rsplit("/docs", 1)[0])
    operations = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = []
            for status, response in operation.get("responses", {}).items():
                body = response.get("content", {}).get("application/json", {}).get("schema", {})
                ref = body.get("$ref") or body.get("items", {}).get("$ref", "")
                responses.append({"status": status, "description": response.get("description", ""),
                                  "schema": _schema_name(ref) if ref else ""})
            request_body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            operations.append({
                "id": operation.get("operationId", f"{method}-{path}"),
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "public": not operation.get("security"),
                # An empty requirement among the others: anyone may call, and a token or session may show more.
                "optional": {} in operation.get("security", []),
                "parameters": [{**parameter, "description": parameter.get("description", ""),
                                "enum": parameter.get("schema", {}).get("enum", [])}
                               for parameter in operation.get("parameters", [])],
                "body": _schema_name(request_body["$ref"]) if "$ref" in request_body else "",
                "responses": responses,
            })
    schemas = {
        name: [{"name": field, "type": spec.get("type") or "/".join(t.get("type", "") for t in spec.get("anyOf", [])),
                "format": spec.get("format", ""), "required": field in definition.get("required", []),
                "description": spec.get("description", ""), "enum": spec.get("enum", [])}
               for field, spec in definition.get("properties", {}).items()]
        for name, definition in schema.get("components", {}).get("schemas", {}).items()
    }
    return render(request, "api/docs.html", {"info": schema["info"], "operations": operations, "schemas": schemas})
