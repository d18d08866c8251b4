# Shared by bench/load/run.sh and bench/multi/run.sh (sourced, not run).

# check_urls BASE_URL URLS_FILE WHAT: every URL of the mix answers 200 at BASE_URL (exits otherwise)
check_urls() {
  local base=$1 urls=$2 what=$3 lang path code cookie
  while read -r lang path; do
    cookie=(); [ "$lang" = en ] && cookie=(-H "Cookie: obmi-taal=en")
    code=$(curl -s -o /dev/null -w '%{http_code}' "${cookie[@]}" "$base$path")
    [ "$code" = 200 ] || { echo "$what answered $code for $lang $path"; exit 1; }
  done < <(sort -u "$urls")
}

# measure OUT TARGET BASE_URL: wrk with bench/load/mix.lua, a warm-up of $WARMUP at 50 connections, then $DURATION at
# every level of $LEVELS with $THREADS threads; results in OUT/TARGET-warmup.txt and OUT/TARGET-<level>.txt
measure() {
  local out=$1 target=$2 url=$3 level
  echo "Warm-up $target ($WARMUP)"
  wrk -t"$THREADS" -c50 -d"$WARMUP" -s bench/load/mix.lua "$url" > "$out/$target-warmup.txt"
  for level in $LEVELS; do
    echo "$target: $level connections, $DURATION"
    wrk -t"$THREADS" -c"$level" -d"$DURATION" --timeout 10s -s bench/load/mix.lua "$url" > "$out/$target-$level.txt"
    grep RESULT "$out/$target-$level.txt"
  done
}

# measure_miss OUT TARGET BASE_URL: the second mix of issue 20 goal 6 — $MISS_SHARE of the requests miss OBMi's cache
# (see mix.lua) — at $MISS_LEVEL connections for $DURATION, no warm-up (the first mix warmed the cache); result in
# OUT/TARGET-miss-<level>.txt
measure_miss() {
  local out=$1 target=$2 url=$3
  echo "$target: $MISS_LEVEL connections, $DURATION, ${MISS_SHARE} of the requests missing the cache"
  LOAD_MISS=$MISS_SHARE wrk -t"$THREADS" -c"$MISS_LEVEL" -d"$DURATION" --timeout 10s -s bench/load/mix.lua "$url" \
    > "$out/$target-miss-$MISS_LEVEL.txt"
  grep RESULT "$out/$target-miss-$MISS_LEVEL.txt"
}
