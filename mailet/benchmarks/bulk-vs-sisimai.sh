#!/usr/bin/env bash
# Bulk reading, side by side: `classify --eml` (the CLI as an admin runs it: `mailet/bin/maelezo`,
# and, for comparison, a plain `java -jar maelezo-cli.jar`) against Sisimai (Perl, Debian's
# libsisimai-perl) over the same files: the shared Sisimai corpus copied 20 times (6,180 files)
# into a temporary folder. Each round runs the three, in a rotating order; the CPU time (user +
# system) of each whole process is read by /usr/bin/time. Prints each round, the medians and the
# ratios to Sisimai (issue 19's bar: at most 0.5, for the command the README gives).
#
#   mailet/benchmarks/bulk-vs-sisimai.sh [ROUNDS]     (after ./test.sh or mvn install; 5 rounds: about 2 minutes)
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
launcher=(); plain=(); sisimai=()
for r in $(seq 1 "$rounds"); do
    for k in $(seq 0 2); do
        case $(( (r + k) % 3 )) in
            0) l=$(cpu env MAELEZO_CLI_JAR="$jar" mailet/bin/maelezo classify --eml "${files[@]}") ;;
            1) p=$(cpu "$JAVA_HOME/bin/java" -jar "$jar" classify --eml "${files[@]}") ;;
            2) s=$(cpu perl "$work/sisimai.pl" "${files[@]}") ;;
        esac
    done
    launcher+=("$l"); plain+=("$p"); sisimai+=("$s")
    echo "round $r: mailet/bin/maelezo ${l} s CPU, java -jar ${p} s, Sisimai ${s} s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v m="$1" -v s="$2" 'BEGIN { printf "%.2f", m / s }'; }
l=$(median "${launcher[@]}"); p=$(median "${plain[@]}"); s=$(median "${sisimai[@]}")
echo "median CPU: mailet/bin/maelezo $l s, java -jar $p s, Sisimai $s s"
echo "ratio to Sisimai: mailet/bin/maelezo $(ratio "$l" "$s") (bar: at most 0.5), java -jar $(ratio "$p" "$s")"
