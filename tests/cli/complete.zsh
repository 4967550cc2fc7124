#!/bin/zsh -f
# zsh -f complete.zsh FPATHDIR 'COMMAND LINE': print, one a line, the
# candidates that zsh's completion system offers at the end of the command
# line, with the completion functions of FPATHDIR (for
# tests/cli/completions.bats).  An interactive zsh runs on a pseudo-terminal
# (zsh/zpty); TAB is complete-word, compadd is wrapped to print what it adds,
# and a NUL line brackets the output; the candidates are printed unquoted,
# each as the whole word it would make: after the part of the word that
# zsh set apart (--opt= of --opt=value, breach, of a list) and the
# directories of a path (the prefixes of compadd -i, -P and -p).  What
# the completion says on standard error goes to the driver's.
zmodload zsh/zpty || exit 2
fdir=$1
shift
init=${TMPDIR:-/tmp}/complete-zsh.$$
err=$init.err
cat > $init <<INIT
exec 2>> $err
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
	local h pre=\$IPREFIX i=1 o k v
	local -A __pre
	# the options before the words: letters, each of -FPSpsiIWdJXxVrRDOAEM
	# with its value (the rest of the word, or the next)
	while (( i <= \$# )) && [[ \${@[i]} == -?* && \${@[i]} != -- ]]; do
		o=\${@[i]#-}
		while [[ -n \$o ]]; do
			k=\${o[1]} o=\${o[2,-1]}
			if [[ \$k == [FPSpsiIWdJXxVrRDOAEM] ]]; then
				if [[ -n \$o ]]; then v=\$o; else (( i++ )); v=\${@[i]}; fi
				__pre[\$k]=\$v o=
			fi
		done
		(( i++ ))
	done
	pre+=\${__pre[i]}\${__pre[P]}\${__pre[p]}
	for h in \$__hits; do echo -E - "\$pre\$h"; done
	builtin compadd "\$@"	# added, so that the functions go on as they would
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
[[ -s $err ]] && cat $err >&2
rm -f $init $err
