#!/usr/bin/env bash
# Publishes a static app's files under its path in its bucket, then invalidates that path on the distribution.
#   publish-static.sh <stack-prefix> <app-id> <app-path> <source-dir>
#   e.g. publish-static.sh desafio-dev frontend /frontend samples/desafio-aws/apps/frontend
# Hashed assets (assets/*) never change under a name: cached for a year. index.html names them: cached a minute,
# and uploaded last, so a page never references an asset not yet uploaded. Old assets stay, so pages already
# open keep working; the bucket's lifecycle rule expires overwritten versions.
set -euo pipefail
prefix=${1:?usage: publish-static.sh <stack-prefix> <app-id> <app-path> <source-dir>}
app=${2:?}
path=${3:?}
source=${4:?}
path=${path#/}
path=${path%/}

output() { # <stack> <output>
  local value
  value=$(aws cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text)
  if [ -z "$value" ] || [ "$value" = "None" ]; then
    echo "publish-static: stack $1 has no output $2; deploy the platform first" >&2
    exit 1
  fi
  printf '%s' "$value"
}

bucket=$(output "$prefix-app-$app" BucketName)
distribution=$(output "$prefix-edge" DistributionId)

aws s3 sync "$source/assets" "s3://$bucket/$path/assets" \
  --cache-control "public, max-age=31536000, immutable"
aws s3 cp "$source/index.html" "s3://$bucket/$path/index.html" \
  --cache-control "public, max-age=60, must-revalidate" --content-type "text/html; charset=utf-8"
aws cloudfront create-invalidation --distribution-id "$distribution" \
  --paths "/$path" "/$path/*"
echo "publish-static: $app published to s3://$bucket/$path/ and /$path/* invalidated on $distribution"
