# fish completion for sla-time(1)
functions -q __sla_zones; or source (status dirname)/sla-tools.fish
set -l commands between due days
complete -c sla-time -f
complete -c sla-time -n "not __fish_seen_subcommand_from $commands" -a between -d 'Business time from FROM to TO'
complete -c sla-time -n "not __fish_seen_subcommand_from $commands" -a due -d 'When a target started at START is due'
complete -c sla-time -n "not __fish_seen_subcommand_from $commands" -a days -d 'Each day with its hours, holidays and make-up days'
complete -c sla-time -n "__fish_seen_subcommand_from due" -a '8h 1wd 3wd@time 1wd@close' -d 'Duration'
complete -c sla-time -s c -l calendar -x -a '(__sla_calendars)' -d 'The policy calendar NAME'
complete -c sla-time -s p -l policy -r -F -d 'Read calendars from the policy FILE'
complete -c sla-time -s z -l tz -x -a '(__sla_zones)' -d 'The time zone instead of the policy'\''s'
complete -c sla-time -s C -l calendars -x -a '(__fish_complete_directories)' -d 'Look bundled date sets up in DIR first'
complete -c sla-time -s s -l seconds -d 'Durations as integer seconds'
complete -c sla-time -s f -l format -x -a 'text tsv' -d 'Output format'
complete -c sla-time -s q -l quiet -d 'No warnings, only errors'
complete -c sla-time -s h -l help -d 'Print the help and exit'
complete -c sla-time -s V -l version -d 'Print the version and exit'
