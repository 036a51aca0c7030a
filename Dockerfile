# Production image of STEMbridge: a static-ish release binary on a slim Debian.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/stembridge stembridge && mkdir -p /var/lib/stembridge && chown stembridge /var/lib/stembridge
COPY --from=build /src/target/release/stembridge /usr/local/bin/stembridge
USER stembridge
WORKDIR /var/lib/stembridge
ENV BIND=0.0.0.0:3000 DATA_DIR=/var/lib/stembridge
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD ["stembridge", "healthcheck"]
CMD ["stembridge", "serve"]
