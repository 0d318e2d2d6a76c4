#!/usr/bin/env bash
# Bulk reading, side by side: `classify --eml` (the CLI, as an admin runs it: `java -jar`) against
# Sisimai (Perl, Debian's libsisimai-perl) over the same files: the shared Sisimai corpus copied
# 20 times (6,180 files) into a temporary folder. Each round runs both, alternating which goes
# first; the CPU time (user + system) of the whole process is read by /usr/bin/time. Prints each
# round, the medians and the ratio maelezo / Sisimai (issue 19's bar: at most 0.5).
#
#   mailet/benchmarks/bulk-vs-sisimai.sh [ROUNDS]     (after ./test.sh or mvn install; about a minute)
#
# Needs: libsisimai-perl (apt-get install libsisimai-perl), GNU time, ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/env.sh
rounds=${1:-5}
corpus=${MAELEZO_CORPUS:-../shared/corpus/sisimai/emails}
jar=mailet/target/maelezo-cli.jar
[ -f "$jar" ] || { echo "build first: $jar is missing" >&2; exit 2; }
perl -MSisimai -e 1 2>/dev/null || { echo "Sisimai is missing: apt-get install libsisimai-perl" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 20); do mkdir "$work/c$i"; cp "$corpus"/*.eml "$work/c$i/"; done
files=("$work"/c*/*.eml)
echo "${#files[@]} files; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION')"
cat > "$work/sisimai.pl" <<'PERL'
use Sisimai; my $n = 0; for my $f (@ARGV) { my $v = Sisimai->make($f); $n += scalar(@$v) if $v; } print STDERR "$n records\n";
PERL
cpu() { # CPU seconds (user + system) of the command
    /usr/bin/time -f '%U %S' -o "$work/t" "$@" > /dev/null 2> /dev/null
    awk '{ printf "%.2f", $1 + $2 }' "$work/t"
}
maelezo=(); sisimai=()
for r in $(seq 1 "$rounds"); do
    if (( r % 2 )); then
        m=$(cpu "$JAVA_HOME/bin/java" -jar "$jar" classify --eml "${files[@]}"); s=$(cpu perl "$work/sisimai.pl" "${files[@]}")
    else
        s=$(cpu perl "$work/sisimai.pl" "${files[@]}"); m=$(cpu "$JAVA_HOME/bin/java" -jar "$jar" classify --eml "${files[@]}")
    fi
    maelezo+=("$m"); sisimai+=("$s")
    echo "round $r: maelezo ${m} s CPU, Sisimai ${s} s CPU"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m=$(median "${maelezo[@]}"); s=$(median "${sisimai[@]}")
echo "median CPU: maelezo $m s, Sisimai $s s; ratio $(awk -v m="$m" -v s="$s" 'BEGIN { printf "%.2f", m / s }') (bar: at most 0.5)"
