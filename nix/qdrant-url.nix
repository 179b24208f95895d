# The URL of the Qdrant that nixpkgs' services.qdrant runs on this host, from its `service`
# settings: a wildcard host is reached on loopback. Builtins only (tests/nix evaluates it alone).
service:
let
  host = toString (service.host or "127.0.0.1");
  reachable =
    if builtins.elem host [
      ""
      "0.0.0.0"
    ] then
      "127.0.0.1"
    else if host == "::" then
      "[::1]"
    else if builtins.match ".*:.*" host != null then
      "[${host}]"
    else
      host;
  # Qdrant with TLS serves https only (its certificate must then name this host, else set
  # services.fedlearn.settings.qdrant.url to a name it holds).
  scheme = if service.enable_tls or false then "https" else "http";
in
"${scheme}://${reachable}:${toString (service.http_port or 6333)}"
