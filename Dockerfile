# The one image of docker-compose.yml: workers, serve and the demo all run it.
# Node 24 is an LTS line (supported until April 2028).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# bin/build.mjs is the package's `prepare` script; with no sources yet it builds nothing.
COPY package.json package-lock.json ./
COPY bin/build.mjs bin/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
# Build the JavaScript of the sources (bin/build.mjs) and compile the
# dictionary (script variants, alias index) into their caches now, so a
# container starts without transpiling or compiling anything.
RUN node bin/newsflow.mjs dict build
USER node
# 8080: newsflow serve; 9464: NEWSFLOW_METRICS_PORT of newsflow workers.
EXPOSE 8080 9464
CMD ["node", "bin/newsflow.mjs", "workers"]
