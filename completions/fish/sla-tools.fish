# fish completion: what the completions of the sla-* tools share.  Each
# completions/fish/sla-*.fish sources this file from beside itself; it
# completes no command (fish loads NAME.fish for the command NAME only).

# The time zones of the tz database that the tools read, as it names them
# (its tzdata.zi: the zones, then the links): the same list for every
# tool, and in bash and zsh.
function __sla_zones
    set -l dir /usr/share/zoneinfo
    set -q TZDIR[1]; and set dir $TZDIR
    sed -n 's/^Z \([^ ]*\).*/\1/p; s/^L [^ ]* \([^ ]*\).*/\1/p' $dir/tzdata.zi 2>/dev/null
end

# The calendars of the policy that the command line names (-p, --policy;
# else the embedded default), as sla-check --print-policy prints it, and
# the built-in 24x7.
function __sla_calendars
    set -l words (commandline -opc)
    set -l policy
    for i in (seq 2 (count $words))
        switch $words[$i]
            case -p --policy
                set policy --policy $words[(math $i + 1)]
            case '--policy=*'
                set policy --policy (string replace -- --policy= '' $words[$i])
        end
    end
    echo 24x7
    sla-check --print-policy $policy 2>/dev/null |
        sed -n 's/^[[:space:]]*\[[[:space:]]*calendar[[:space:]]\{1,\}\([^]]*[^][:space:]]\)[[:space:]]*\].*/\1/p'
end

# An item of a comma list (breach,overdue): the words ARGV, each after
# the items before it in the word being completed.
function __sla_list
    set -l token (commandline -ct)
    set -l head (string match -r -- '^(?:--[^=]*=)?(.*,)' "$token")[2]
    printf '%s\n' "$head"$argv
end

# The files named *SUFFIX (.ini) that begin with the word being completed,
# and the directories: fish's own file completion, left to those.
function __sla_files_with_suffix --argument-names suffix
    set -l token (string replace -r -- '^--[^=]*=' '' "$(commandline -ct)")
    set -l files (complete -C "__fish_command_without_completions $token" | string replace -r '\t.*' '')
    string match -r -- '^.*(?:'(string escape --style=regex -- $suffix)'|/)$' $files
end
