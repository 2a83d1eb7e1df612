# The one image of docker-compose.yml: workers, serve and the demo all run it.
# Node 24 is an LTS line (supported until April 2028); the TypeScript sources
# run through tsx, so there is no build step here either.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
# Compile the dictionary (script variants, alias index) into its cache now, so
# a container loads it in milliseconds instead of compiling it at every start.
RUN node bin/newsflow.mjs dict build
USER node
# 8080: newsflow serve; 9464: NEWSFLOW_METRICS_PORT of newsflow workers.
EXPOSE 8080 9464
CMD ["node", "bin/newsflow.mjs", "workers"]
