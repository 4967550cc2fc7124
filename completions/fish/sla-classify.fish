# fish completion for sla-classify(1)
functions -q __sla_zones; or source (status dirname)/sla-tools.fish
complete -c sla-classify -s r -l rules -r -F -d 'Read rules from FILE (repeatable, in order)'
complete -c sla-classify -s d -l default -x -a 'urgent high normal low' -d 'Tier of a ticket that no rule matches'
complete -c sla-classify -l policy -r -F -d 'Warn about rules whose tier the policy has not'
complete -c sla-classify -s o -l override -d 'Classify tickets whose tier is already set'
complete -c sla-classify -s s -l strict -d 'Stop at the first record that cannot be classified'
complete -c sla-classify -l max-line -x -d 'Longest line of the stream (e.g. 64M)'
complete -c sla-classify -s p -l print-rules -d 'Print the embedded rules and exit'
complete -c sla-classify -s v -l verbose -d 'Print how many tickets each rule took'
complete -c sla-classify -s q -l quiet -d 'No warnings, only errors'
complete -c sla-classify -s h -l help -d 'Print the help and exit'
complete -c sla-classify -s V -l version -d 'Print the version and exit'
