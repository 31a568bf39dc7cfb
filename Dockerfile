# earshot, built from source on Debian 12 with the same script as CI
# (ops/install-deps.sh) and the `ci` preset (warnings as errors).
#
#   docker build -t earshot .
#   docker run --rm -p 9464:9464 earshot demo --follow --metrics-listen 0.0.0.0:9464
#   docker run --rm -v $PWD/earshot.yaml:/etc/earshot/earshot.yaml:ro -p 9464:9464 earshot
#
# Not built by the test suite (no Docker engine on the project's machine);
# docs/operations.md says what is tested and what is not.

# ---- build
FROM debian:12 AS build
# Debian's prometheus package (installed for the ops tests) must not try to
# start its service inside the build.
RUN printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
WORKDIR /src
# The dependency layer is rebuilt only when the script changes.
COPY ops/install-deps.sh ops/install-deps.sh
RUN ops/install-deps.sh
COPY . .
RUN cmake --preset ci -DEARSHOT_BUILD_BENCH=OFF \
 && cmake --build --preset ci --target earshot \
 && build/ci/earshot version
# The Debian packages that own the shared libraries the binary links: the
# runtime image installs exactly those.
RUN ldd build/ci/earshot | awk '$2 == "=>" && $3 ~ /^\// {print $3}' \
  | while read -r lib; do \
      dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null \
        || dpkg -S "/usr$lib" || exit 1; \
    done | cut -d: -f1 | sort -u > /runtime-packages \
 && cat /runtime-packages

# ---- runtime
FROM debian:12-slim
COPY --from=build /runtime-packages /tmp/runtime-packages
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      $(cat /tmp/runtime-packages) ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages \
 && useradd --system --no-create-home --shell /usr/sbin/nologin earshot
COPY --from=build /src/build/ci/earshot /usr/local/bin/earshot
COPY --from=build /src/rules /usr/share/earshot/rules
COPY --from=build /src/data/samples /usr/share/earshot/data/samples
COPY --from=build /src/ops/earshot.example.yaml /usr/share/earshot/earshot.example.yaml
COPY --from=build /src/docs /usr/share/doc/earshot
# Default rules, lexicons and demo samples.
ENV EARSHOT_HOME=/usr/share/earshot
USER earshot
EXPOSE 9464
# GET /healthz on the default metrics port, with bash's /dev/tcp (no curl in the image).
HEALTHCHECK --interval=30s --timeout=5s CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200'"]
ENTRYPOINT ["/usr/local/bin/earshot"]
CMD ["--log-format", "json", "run", "--config", "/etc/earshot/earshot.yaml"]
