# KKN-portalen's reverse proxy: Debian's own nginx, the same package
# bench/proxy.py measures, with the Brotli module for pre-compressed static
# files (the official nginx image has no Brotli). The configuration is not
# baked in: docker-compose.yml mounts deploy/ read-only at /etc/nginx/kkn.
# Build: docker build -f deploy/nginx.Dockerfile -t kkn-proxy deploy
FROM debian:bookworm-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/cache/nginx

EXPOSE 80 443

# SIGQUIT: finish the requests in flight, then stop (SIGTERM would cut them).
STOPSIGNAL SIGQUIT

# The master runs as root only to bind ports 80/443 and read the key;
# workers run as www-data (deploy/nginx.conf, "user").
CMD ["nginx", "-c", "/etc/nginx/kkn/nginx.conf", "-g", "daemon off;"]
