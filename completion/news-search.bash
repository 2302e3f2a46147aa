# bash completion for news-search: options (read from its own --help, so
# they never drift), the values of --format, --sort, --color and --facet,
# the field names of --filter, query fields, and files for --db/--queries.
_news_search() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  }
  case "$prev" in
    --db | --queries)
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
    --format) COMPREPLY=($(compgen -W "text json ids" -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "relevance newest oldest" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --facet-count) COMPREPLY=($(compgen -W "stories clusters" -- "$cur")); return ;;
    --facet) COMPREPLY=($(compgen -W "section tag author place source year month" -- "$cur")); return ;;
    --filter)
      compopt -o nospace 2>/dev/null
      COMPREPLY=($(compgen -W "author= source= section= tag= place=" -- "$cur"))
      return
      ;;
    -n | --limit | --offset | --facet-limit | --since | --until | --similar | --recent | --as-of | \
      --ranking | --copies | --serve)
      return
      ;;
  esac
  if [[ "$cur" == -* ]]; then
    local options
    options=$("${words[0]}" --help 2>/dev/null | grep -oE -- '--[a-z-]+' | sort -u)
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  compopt -o nospace 2>/dev/null
  COMPREPLY=($(compgen -W "title: author: by: source: section: tag: topic: place: id: date:" -- "$cur"))
}
complete -F _news_search news-search
