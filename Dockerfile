# One image for the API and the workers (DESIGN.md §4, distributed mode).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 OMP_THREAD_LIMIT=1 \
    CLAIMDEX_DATA_DIR=/data CLAIMDEX_MODEL_DIR=/app/models
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd \
      poppler-utils fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY config ./config
COPY workers ./workers
COPY classifiers ./classifiers
COPY claims ./claims
COPY indexers ./indexers
COPY store ./store
COPY api ./api
COPY samples ./samples
COPY bench ./bench
RUN pip install --no-cache-dir . \
 && claimdex train --no-corrections \
 && chmod 755 /app/models && chmod 644 /app/models/* \
 && useradd --system --uid 10001 --home /app claimdex \
 && mkdir -p /data && chown claimdex /data
USER claimdex
VOLUME ["/data"]
EXPOSE 8000
CMD ["claimdex", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-workers"]
