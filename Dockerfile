# The gateway image. Multi-stage: dependencies are installed (and better-sqlite3 compiled)
# in a build stage with the toolchain; the runtime stage gets only what runs.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data \
    EMBEDDING_CACHE_DIR=/models \
    SEED_MOVIELENS=/seed/ml-latest-small
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY schema ./schema
# The playground's example tabs (PLAYGROUND=true; off by default in production).
COPY examples/operations ./examples/operations
COPY models ./models
COPY src ./src
RUN mkdir -p /data /models && chown -R node:node /data /models
USER node
EXPOSE 4000
VOLUME ["/data", "/models"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node_modules/.bin/tsx", "src/main.ts"]
