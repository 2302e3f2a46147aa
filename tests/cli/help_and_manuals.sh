#!/usr/bin/env bash
# Help that teaches (issue 21): --version, each command's own --help with
# only its options, examples and the exit codes; the manual page documents
# every option the programs accept and is valid roff; bash completion
# offers each command's options; make install puts manuals and completion
# where man and bash look.
source "$(dirname "$0")/lib.sh"

check_contains "news-index --version" "news-index " "$("$NEWS_INDEX" --version)"
check_contains "version names Xapian" "(Xapian 1.4" "$("$NEWS_INDEX" --version)"
help=$("$NEWS_INDEX" sync --help)
check_contains "sync --help: its synopsis" "usage: news-index sync" "$help"
check_contains "sync --help: its option" "--max-delete" "$help"
check_eq "sync --help: not another command's option" "" "$(grep -- '--explain' <<<"$help" || true)"
check_contains "sync --help: examples" "examples:" "$help"
check_contains "sync --help: exit codes" "exit status: 0" "$help"
run_status rc "$NEWS_INDEX" add --merge x.jsonl 2>"$WORK/err"
check_eq "an option of another command: exit" 2 "$rc"
check_eq "an option of another command: one line" 1 "$(wc -l <"$WORK/err")"
check_contains "an option of another command: said" "--merge is not an option of add" "$(cat "$WORK/err")"

# The manual page documents every option of every command.
MAN="$SRC/man/news-index.1"
if command -v groff >/dev/null; then
  check_eq "news-index.1 is valid roff" "" "$(groff -man -Tascii -ww -z "$MAN" 2>&1)"
  manual=$(groff -man -Tascii -P-cbou "$MAN" 2>/dev/null)
  for command in add sync rebuild delete compact stats clean; do
    for option in $("$NEWS_INDEX" "$command" --help | grep -oE -- '--[a-z-]+' | sort -u); do
      grep -qE -- "${option}([^a-z-]|$)" <<<"$manual" && pass ||
        fail "news-index.1 does not document $option (of $command)"
    done
  done
else
  echo "note: groff missing: the manual is not checked"
fi

# news-search: --version, exit codes in --help, and its manual documents
# every option its help lists.
check_contains "news-search --version" "news-search " "$("$NEWS_SEARCH" --version)"
check_contains "news-search --help: exit codes" "exit status: 0" "$("$NEWS_SEARCH" --help)"
if command -v groff >/dev/null; then
  MAN="$SRC/man/news-search.1"
  check_eq "news-search.1 is valid roff" "" "$(groff -man -Tascii -ww -z "$MAN" 2>&1)"
  manual=$(groff -man -Tascii -P-cbou "$MAN" 2>/dev/null)
  for option in $("$NEWS_SEARCH" --help | grep -oE -- '--[a-z-]+' | sort -u); do
    grep -qE -- "${option}([^a-z-]|$)" <<<"$manual" && pass || fail "news-search.1 does not document $option"
  done
fi

# Completion reads each command's options from its help.
completion=$(bash -c 'source "$1"; COMP_WORDS=("$2" rebuild --m); COMP_CWORD=2; _news_index;
  echo "${COMPREPLY[@]}"' _ "$SRC/completion/news-index.bash" "$NEWS_INDEX")
check_eq "completion of rebuild --m" "--max-delete --merge" "$completion"
completion=$(bash -c 'source "$1"; COMP_WORDS=("$2" --fa); COMP_CWORD=1; _news_search;
  echo "${COMPREPLY[@]}"' _ "$SRC/completion/news-search.bash" "$NEWS_SEARCH")
check_eq "completion of news-search --fa" "--facet --facet-count --facet-limit" "$completion"
completion=$(bash -c 'source "$1"; COMP_WORDS=("$2" --facet pl); COMP_CWORD=2; _news_search;
  echo "${COMPREPLY[@]}"' _ "$SRC/completion/news-search.bash" "$NEWS_SEARCH")
check_eq "completion of --facet pl" "place" "$completion"

# make install: the programs, the manual and the completion.
if [ -f "$(dirname "$NEWS_INDEX")/cmake_install.cmake" ]; then
  cmake --install "$(dirname "$NEWS_INDEX")" --prefix "$WORK/prefix" >/dev/null
  for f in bin/news-index bin/news-search share/man/man1/news-index.1 share/man/man1/news-search.1 \
    share/bash-completion/completions/news-index share/bash-completion/completions/news-search; do
    check_eq "installed $f" yes "$([ -e "$WORK/prefix/$f" ] && echo yes || echo no)"
  done
fi

finish
