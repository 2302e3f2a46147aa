# bash completion for news-index: commands, each command's options (read
# from its own --help, so they never drift), and files for SOURCE/FILE.
_news_index() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  }
  local commands="add sync rebuild delete compact stats clean"
  if [ "$cword" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  local command="${words[1]}"
  case "$prev" in
    --db | --report | --weights)
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
    --threads | --shards | --batch-size | --wait | --max-delete | --cluster-threshold)
      return
      ;;
  esac
  if [[ "$cur" == -* ]]; then
    local options
    options=$("${words[0]}" "$command" --help 2>/dev/null | grep -oE -- '--[a-z-]+' | sort -u)
    COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
    return
  fi
  [ "$command" != delete ] && COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _news_index news-index
