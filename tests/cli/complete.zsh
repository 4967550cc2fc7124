#!/bin/zsh -f
# zsh -f complete.zsh FPATHDIR 'COMMAND LINE': print, one a line, the
# candidates that zsh's completion system offers at the end of the command
# line, with the completion functions of FPATHDIR (for
# tests/cli/completions.bats).  An interactive zsh runs on a pseudo-terminal
# (zsh/zpty); TAB is complete-word, compadd is wrapped to print what it adds,
# and a NUL line brackets the output; the candidates are printed unquoted.
zmodload zsh/zpty || exit 2
fdir=$1
shift
init=${TMPDIR:-/tmp}/complete-zsh.$$
cat > $init <<INIT
PROMPT=
fpath=($fdir \$fpath)
autoload -U compinit
compinit -u -D
bindkey '^I' complete-word
null-line () { echo -E - \$'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd () {
	if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "\$@"; return \$?; fi
	typeset -a __hits
	builtin compadd -A __hits "\$@"
	[[ -n \$__hits ]] || return
	local h
	for h in \$__hits; do echo -E - "\$h"; done
}
echo ok
INIT
zpty z zsh -f -i
zpty -w z "source $init"
local line
repeat 8; do
	zpty -r z line
	[[ $line == ok* ]] && break
done
zpty -w z "$*"$'\t'
integer tog=0
while zpty -r z line; do
	if [[ $line == *$'\0'* ]]; then
		(( tog++ )) && break || continue
	fi
	line=${line%$'\n'}; line=${line%$'\r'}
	(( tog )) && [[ -n $line ]] && print -r -- ${(Q)line}
done
zpty -d z
rm -f $init
