#!/bin/zsh -f
# zsh -f complete-bash.zsh COMPDIR 'COMMAND LINE': print, one a line, the
# candidates (COMPREPLY) that bash's programmable completion offers at the
# end of the command line, with the tool's file of COMPDIR sourced (for
# tests/cli/completions.bats).  An interactive bash runs on a
# pseudo-terminal (zsh/zpty) and its readline reads the line and the TAB,
# so that COMP_WORDS, COMP_CWORD and the word completed are bash's own
# (--opt=value broken at the '=', my\ file one word); the tool's completion
# function is wrapped, with the options of its `complete`, to write
# COMPREPLY to a file, and what it says on standard error to the driver's.
zmodload zsh/zpty || exit 2
compdir=$1
shift
line=$*
tool=${line%% *}
tmp=${TMPDIR:-/tmp}/complete-bash.$$
init=$tmp.init out=$tmp.out err=$tmp.err
cat > $init <<INIT
PS1=
bind 'set bell-style none'
. '$compdir/$tool'
__spec=\$(complete -p $tool)
__fn=\${__spec#* -F }
__fn=\${__fn%% *}
__wrap() { "\$__fn" "\$@" 2>> $err; printf '%s\n' "\${COMPREPLY[@]}" > $out.new; mv $out.new $out; }
eval "\${__spec/ -F \$__fn / -F __wrap }"
echo ok
INIT
zpty b bash --norc --noprofile -i
zpty -w b "source $init"
local l
repeat 8; do
	zpty -r b l
	[[ $l == ok* ]] && break
done
zpty -w -n b "$line"$'\t'
repeat 100; do
	[[ -f $out ]] && break
	sleep 0.1
done
[[ -f $out ]] && grep -v '^$' $out
[[ -s $err ]] && cat $err >&2
zpty -d b
rm -f $init $out $err
