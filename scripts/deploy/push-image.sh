#!/usr/bin/env bash
# Push command for deploy-plan.mjs (--push-command): builds samples/.../apps/<app> (or $APPS_DIR/<app>) for
# linux/amd64 and pushes it as $TRILHO_REPOSITORY_URI:$TRILHO_IMAGE_TAG. Repositories reject tag reuse, so an
# existing tag is left as it is. Needs Docker (GitHub's ubuntu runners have it; this development machine does not).
set -euo pipefail
: "${TRILHO_APP:?set by deploy-plan.mjs}" "${TRILHO_REPOSITORY_URI:?}" "${TRILHO_IMAGE_TAG:?}" "${TRILHO_REGION:?}"
apps_dir=${APPS_DIR:-samples/desafio-aws/apps}
repository=${TRILHO_REPOSITORY_URI#*/}
registry=${TRILHO_REPOSITORY_URI%%/*}

if aws ecr describe-images --region "$TRILHO_REGION" --repository-name "$repository" \
    --image-ids imageTag="$TRILHO_IMAGE_TAG" >/dev/null 2>&1; then
  echo "push-image: $TRILHO_REPOSITORY_URI:$TRILHO_IMAGE_TAG exists already"
  exit 0
fi

aws ecr get-login-password --region "$TRILHO_REGION" | docker login --username AWS --password-stdin "$registry"
# The build context is the apps folder: the Dockerfiles copy its shared Directory.*.props.
docker build --platform linux/amd64 -f "$apps_dir/$TRILHO_APP/Dockerfile" -t "$TRILHO_REPOSITORY_URI:$TRILHO_IMAGE_TAG" "$apps_dir"
docker push "$TRILHO_REPOSITORY_URI:$TRILHO_IMAGE_TAG"
