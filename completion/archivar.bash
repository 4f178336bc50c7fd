# bash completion for archivar-index, archivar-search and archivar-eval, installed once
# per program name. Options come from the program's own --help, so they never drift
# from it; option values that are a fixed set, files and directories complete too.
_archivar() {
  local cur prev program
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  program=${COMP_WORDS[0]}
  case "$prev" in
    --format)
      case "$program" in
        *archivar-index) COMPREPLY=($(compgen -W "auto jsonl trec csv tsv html nitf txt" -- "$cur")) ;;
        *archivar-eval) COMPREPLY=($(compgen -W "table tsv" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "text json ids trec" -- "$cur")) ;;
      esac
      return ;;
    --sort) COMPREPLY=($(compgen -W "relevance date -date" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --compact) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --topic-field) COMPREPLY=($(compgen -W "title desc title+desc" -- "$cur")); return ;;
    --facets) COMPREPLY=($(compgen -W "source section year month" -- "$cur")); return ;;
    --db) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.stub' -- "$cur")); return ;;
    --topics | --delete-from | --field-map) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local options
    options=$("$program" --help 2>/dev/null | grep -oE -- '--[a-zA-Z][a-zA-Z0-9_-]*' | sort -u)
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _archivar archivar-index archivar-search archivar-eval
